//! Name tables, one per kind of declaration, with "did you mean" suggestions.

use crate::diag::{Diagnostic, Fix, Safety};
use crate::i18n::msg;
use crate::source::Span;
use crate::suggest::{closest, nearest};
use rustc_hash::FxHashMap;

/// The names of one kind, each bound to an id, remembering declaration order.
#[derive(Debug)]
pub struct Scope<Id> {
    map: FxHashMap<String, Id>,
    names: Vec<String>,
}

impl<Id> Default for Scope<Id> {
    fn default() -> Self {
        Scope {
            map: FxHashMap::default(),
            names: Vec::new(),
        }
    }
}

impl<Id: Copy> Scope<Id> {
    /// Binds `name`; returns the earlier id when it is already bound.
    pub fn declare(&mut self, name: &str, id: Id) -> Result<(), Id> {
        if let Some(&earlier) = self.map.get(name) {
            return Err(earlier);
        }
        self.map.insert(name.to_string(), id);
        self.names.push(name.to_string());
        Ok(())
    }

    pub fn get(&self, name: &str) -> Option<Id> {
        self.map.get(name).copied()
    }

    /// Makes room for `more` names.
    pub fn reserve(&mut self, more: usize) {
        self.map.reserve(more);
        self.names.reserve(more);
    }

    /// The declared name nearest to `name`, if it is near enough to be a typo.
    pub fn suggest(&self, name: &str) -> Option<&str> {
        nearest(name, self.names.iter().map(String::as_str))
    }
}

/// The few names declared inside one item (a journey's stages, its goals, a split's
/// arms), borrowed from the AST: a linear scan is cheaper than hashing them.
#[derive(Debug)]
pub struct LocalScope<'a, Id> {
    names: Vec<(&'a str, Id)>,
}

impl<'a, Id: Copy> LocalScope<'a, Id> {
    pub fn with_capacity(n: usize) -> Self {
        LocalScope {
            names: Vec::with_capacity(n),
        }
    }

    /// Binds `name`; returns the earlier id when it is already bound.
    pub fn declare(&mut self, name: &'a str, id: Id) -> Result<(), Id> {
        match self.get(name) {
            Some(earlier) => Err(earlier),
            None => {
                self.names.push((name, id));
                Ok(())
            }
        }
    }

    pub fn get(&self, name: &str) -> Option<Id> {
        self.names
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, id)| id)
    }

    /// The declared names nearest to `name`, if near enough to be a typo (several
    /// when equally near).
    pub fn candidates(&self, name: &str) -> Vec<&'a str> {
        closest(name, self.names.iter().map(|&(n, _)| n))
    }
}

/// "Did you mean …?" for a misspelt name at `span`, with its fixes: one close
/// candidate is a safe fix; several equally close ones are all named, each a
/// suggested fix (which one was meant is the writer's choice). Without candidates,
/// `d` is left as it is.
pub fn did_you_mean(d: Diagnostic, span: Span, candidates: &[&str]) -> Diagnostic {
    if candidates.is_empty() {
        return d;
    }
    let safety = match candidates {
        [_] => Safety::Safe,
        _ => Safety::Suggested,
    };
    let names: Vec<String> = candidates.iter().map(|c| c.to_string()).collect();
    let d = d.with_help(msg!("did-you-mean", names = names));
    candidates.iter().fold(d, |d, c| {
        d.with_fix(Fix::replace(
            msg!("fix-use-name", name = *c),
            safety,
            span,
            *c,
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_catch_typos_in_any_script() {
        let mut s = Scope::default();
        for (i, n) in ["wecom", "社群", "朋友圈", "official"].iter().enumerate() {
            s.declare(n, i).unwrap();
        }
        assert_eq!(s.suggest("wecon"), Some("wecom"));
        assert_eq!(s.suggest("WECOM"), Some("wecom"));
        assert_eq!(s.suggest("朋友群"), Some("朋友圈"));
        assert_eq!(s.suggest("sms"), None);
        assert_eq!(s.declare("社群", 9), Err(1));
    }

    #[test]
    fn local_scopes_bind_the_first_declaration() {
        let mut s = LocalScope::with_capacity(3);
        assert_eq!(s.declare("新手", 0), Ok(()));
        assert_eq!(s.declare("沉睡", 1), Ok(()));
        assert_eq!(s.declare("新手", 2), Err(0));
        assert_eq!(s.get("沉睡"), Some(1));
        assert_eq!(s.get("老客"), None);
        assert_eq!(s.candidates("沉水"), ["沉睡"]);
        assert_eq!(s.candidates("新睡"), ["新手", "沉睡"]);
    }
}
