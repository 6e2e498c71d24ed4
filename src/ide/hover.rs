//! Hover: what a name is, as Markdown.

use super::index::{Def, DefId, Kind};
use super::{one_line, Document};
use crate::source::Span;
use crate::syntax::ast::{self, Item, TagType, TouchpointSetting};
use std::fmt::Write;

#[derive(Clone, Debug, PartialEq)]
pub struct Hover {
    /// The name under the cursor.
    pub span: Span,
    pub markdown: String,
}

pub fn hover(doc: &Document, offset: usize) -> Option<Hover> {
    let (def, span) = doc.index.at(offset)?;
    Some(Hover {
        span,
        markdown: describe(doc, def),
    })
}

/// A code block with the declaration's signature, the comment lines right above
/// it, then facts about it.
fn describe(doc: &Document, id: DefId) -> String {
    let def = &doc.index.defs[id];
    let item = &doc.ast().items[def.item as usize];
    let mut facts = Vec::new();
    let signature = match (def.kind, item) {
        (Kind::Tag, Item::Tag(t)) => tag_signature(doc, t),
        (Kind::Variant, Item::Tag(t)) => {
            let word = if matches!(t.ty, TagType::Set(_)) {
                "member"
            } else {
                "variant"
            };
            facts.push(format!("{word} of tag `{}`", t.name.name));
            tag_signature(doc, t)
        }
        (Kind::Variant, Item::Event(e)) => {
            let field = def
                .parent
                .and_then(|p| e.fields.get(doc.index.defs[p.index()].index as usize));
            if let Some(f) = field {
                facts.push(format!(
                    "variant of field `{}.{}`",
                    e.name.name, f.name.name
                ));
                facts.push(format!("type: `{}`", field_type(doc, f)));
            }
            event_signature(doc, e)
        }
        (Kind::Event, Item::Event(e)) => event_signature(doc, e),
        (Kind::Field, Item::Event(e)) => {
            facts.push(format!("field of event `{}`", e.name.name));
            if let Some(f) = e.fields.get(def.index as usize) {
                facts.push(format!("type: `{}`", field_type(doc, f)));
            }
            event_signature(doc, e)
        }
        (Kind::Touchpoint, Item::Touchpoint(t)) => {
            touchpoint_facts(doc, t, &mut facts);
            head(doc, "touchpoint", &t.name, &t.label)
        }
        (Kind::Segment, Item::Segment(s)) => format!(
            "{} = {}",
            head(doc, "segment", &s.name, &s.label),
            one_line(doc.slice(s.cond.span()))
        ),
        (Kind::Team, Item::Team(t)) => {
            for c in &t.capacities {
                facts.push(format!(
                    "capacity: {} tasks per {}",
                    c.count.value, c.period.value
                ));
            }
            // the pace of language v2 §5: the capacity spread over the working hours
            facts.push(match t.hours.first() {
                Some(h) => format!("hours: {}", one_line(doc.slice(h.span))),
                None => "hours: all day, every day (no `hours`)".to_string(),
            });
            head(doc, "team", &t.name, &t.label)
        }
        (Kind::Journey, Item::Journey(j)) => {
            journey_facts(doc, j, &mut facts);
            head(doc, "journey", &j.name, &j.label)
        }
        (Kind::Stage, Item::Journey(j)) => {
            let stage = &j.stages[def.index as usize];
            stage_facts(doc, id, j, stage, &mut facts);
            head(doc, "stage", &stage.name, &stage.label)
        }
        (Kind::Split, Item::Journey(j)) => split_signature(doc, j, def, &mut facts),
        (Kind::Population, Item::Population(p)) => head(doc, "population", &p.name, &p.label),
        (Kind::Policy, Item::Policy(p)) => {
            policy_facts(doc, p, &mut facts);
            head(doc, "policy", &p.name, &p.label)
        }
        _ => String::new(),
    };
    let mut out = format!("```journey\n{signature}\n```\n");
    let comments = doc_comment(doc, def);
    if !comments.is_empty() {
        let _ = write!(out, "\n{comments}\n");
    }
    if !facts.is_empty() {
        out.push('\n');
        for f in facts {
            let _ = writeln!(out, "- {f}");
        }
    }
    out
}

/// `KEYWORD NAME "label"`, names and labels as written.
fn head(doc: &Document, keyword: &str, name: &ast::Ident, label: &Option<ast::Str>) -> String {
    let mut s = format!("{keyword} {}", doc.slice(name.span));
    if let Some(l) = label {
        let _ = write!(s, " {}", doc.slice(l.span));
    }
    s
}

fn tag_signature(doc: &Document, t: &ast::TagDecl) -> String {
    let list = |vs: &[ast::Ident]| {
        vs.iter()
            .map(|v| doc.slice(v.span))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ty = match &t.ty {
        TagType::Enum(vs) => format!("enum {{ {} }}", list(vs)),
        TagType::Set(vs) => format!("set {{ {} }}", list(vs)),
        TagType::Number(Some((lo, hi))) => {
            format!("number {}..{}", doc.slice(lo.span), doc.slice(hi.span))
        }
        TagType::Number(None) => "number".to_string(),
        TagType::Bool => "bool".to_string(),
        TagType::Text => "text".to_string(),
    };
    format!("{}: {ty}", head(doc, "tag", &t.name, &t.label))
}

/// A field's type as written (`enum { 美妆, 母婴 }`).
fn field_type(doc: &Document, f: &ast::FieldDecl) -> String {
    let written = one_line(doc.slice(f.span));
    written
        .split_once(':')
        .map_or("", |(_, ty)| ty.trim())
        .to_string()
}

fn event_signature(doc: &Document, e: &ast::EventDecl) -> String {
    let head = head(doc, "event", &e.name, &e.label);
    if e.fields.is_empty() {
        return head;
    }
    let fields: Vec<_> = e
        .fields
        .iter()
        .map(|f| one_line(doc.slice(f.span)))
        .collect();
    format!("{head} {{ {} }}", fields.join(", "))
}

fn touchpoint_facts(doc: &Document, t: &ast::TouchpointDecl, facts: &mut Vec<String>) {
    let broadcast = (t.settings.iter()).any(|s| matches!(s, TouchpointSetting::Broadcast(_)));
    let unit = if broadcast { "post" } else { "send" };
    for s in &t.settings {
        facts.push(match s {
            TouchpointSetting::Channel(c) => format!("channel: `{}`", c.name),
            TouchpointSetting::Limit(l) => format!(
                "limit: {} sends per {} per user",
                l.count.value, l.period.value
            ),
            TouchpointSetting::Quiet { from, to, .. } => format!(
                "quiet window: {}..{} (sends due in it wait until {})",
                from.value, to.value, to.value
            ),
            TouchpointSetting::Cost(c) => format!("cost: {} per {unit}", doc.slice(c.span)),
            TouchpointSetting::Broadcast(_) => {
                "broadcast: one post seen by many; costs per post, outside journey limits"
                    .to_string()
            }
        });
    }
}

/// A policy's limits, what it leaves out, and what it caps.
fn policy_facts(doc: &Document, p: &ast::PolicyDecl, facts: &mut Vec<String>) {
    for l in &p.limits {
        let per = doc.slice(l.period.span);
        facts.push(format!("limit: {} sends per {per} per user", l.count.value));
    }
    let except: Vec<_> = p.except.iter().map(|t| doc.slice(t.span)).collect();
    if !except.is_empty() {
        facts.push(format!("except: {}", except.join(", ")));
    }
    facts.push(
        "caps each user's sends of every journey together (broadcasts are outside it)".to_string(),
    );
}

fn journey_facts(doc: &Document, j: &ast::Journey, facts: &mut Vec<String>) {
    for s in &j.settings {
        match s {
            ast::JourneySetting::Timezone(tz) => facts.push(format!("timezone: {}", tz.value)),
            ast::JourneySetting::Priority(v, _) => {
                facts.push(format!("priority: {}", doc.slice(v.span())))
            }
            ast::JourneySetting::Entry(ast::Entry::On { span, .. } | ast::Entry::When(_, span)) => {
                facts.push(format!("`{}`", one_line(doc.slice(*span))))
            }
            _ => {}
        }
    }
    let stages: Vec<_> = j.stages.iter().map(|s| doc.slice(s.name.span)).collect();
    if !stages.is_empty() {
        facts.push(format!("stages: {}", stages.join(", ")));
    }
    if !j.rules.is_empty() {
        facts.push(format!("journey-wide rules: {}", j.rules.len()));
    }
}

fn stage_facts(
    doc: &Document,
    id: DefId,
    j: &ast::Journey,
    stage: &ast::Stage,
    facts: &mut Vec<String>,
) {
    facts.push(format!("stage of journey `{}`", j.name.name));
    if doc.index.defs[id].index == 0 {
        facts.push("users enter the journey here".to_string());
    }
    for rule in &stage.rules {
        let when = one_line(doc.slice(Span::new(rule.span.start, header_end(rule))));
        match &rule.body {
            ast::RuleBody::Transition(to) => facts.push(format!("`{when}` → {}", to.name)),
            ast::RuleBody::Actions(actions) => exits(actions, &mut |target| {
                facts.push(match target {
                    Some(to) => format!("`{when}` → {to} (goto)"),
                    None => format!("`{when}` → leaves the journey"),
                })
            }),
        }
    }
    let from: Vec<_> = doc
        .index
        .references(id)
        .into_iter()
        .filter_map(|r| {
            let inside = |span: Span| span.start <= r.start && r.end <= span.end;
            match j.stages.iter().find(|s| inside(s.span)) {
                Some(s) => Some(s.name.name.as_str()),
                None => (j.rules.iter().any(|rule| inside(rule.span)))
                    .then_some("any stage (journey-wide)"),
            }
        })
        .collect();
    if !from.is_empty() {
        facts.push(format!("reached from: {}", from.join(", ")));
    }
}

/// `split NAME`, the stage it is in, its arms, and how it draws them.
fn split_signature(doc: &Document, j: &ast::Journey, def: &Def, facts: &mut Vec<String>) -> String {
    let inside = |span: Span| span.start <= def.span.start && def.span.end <= span.end;
    if let Some(stage) = j.stages.iter().find(|s| inside(s.span)) {
        let arms = (stage.rules.iter())
            .filter_map(|r| match &r.body {
                ast::RuleBody::Actions(actions) => split_at(actions, def.span),
                ast::RuleBody::Transition(_) => None,
            })
            .flat_map(|arms| {
                arms.iter()
                    .map(|a| one_line(doc.slice(Span::new(a.percent.span.start, a.name.span.end))))
            })
            .collect::<Vec<_>>();
        facts.push(format!(
            "in stage `{}` of journey `{}`",
            stage.name.name, j.name.name
        ));
        facts.push(format!("arms: {}", arms.join(", ")));
    }
    facts.push("each user's arm is drawn from the journey, this name and the user: editing other rules never reshuffles it".to_string());
    format!("split {}", doc.slice(def.name_span))
}

/// The arms of the split at `span` among `actions` (nested ones included).
fn split_at(actions: &[ast::Action], span: Span) -> Option<&[ast::SplitArm]> {
    actions.iter().find_map(|a| match a {
        ast::Action::Split { arms, span: s, .. } if *s == span => Some(&arms[..]),
        ast::Action::Split { arms, .. } => arms.iter().find_map(|arm| split_at(&arm.actions, span)),
        ast::Action::If { branches, .. } => {
            branches.iter().find_map(|b| split_at(&b.actions, span))
        }
        _ => None,
    })
}

/// Calls `f` with the target stage of each `goto`, and `None` for each `exit`.
fn exits<'a>(actions: &'a [ast::Action], f: &mut impl FnMut(Option<&'a str>)) {
    for a in actions {
        match a {
            ast::Action::Goto { stage, .. } => f(Some(&stage.name)),
            ast::Action::Exit { .. } => f(None),
            ast::Action::Split { arms, .. } => {
                for arm in arms {
                    exits(&arm.actions, f);
                }
            }
            ast::Action::If { branches, .. } => {
                for b in branches {
                    exits(&b.actions, f);
                }
            }
            _ => {}
        }
    }
}

/// Where a rule's trigger, timing and guard end (before `:` or `->`).
fn header_end(rule: &ast::Rule) -> usize {
    let t = &rule.timing;
    [
        Some(rule.trigger.span().end),
        t.after.as_ref().map(|a| a.span.end),
        t.days.as_ref().map(|d| d.span.end),
        t.at.as_ref().map(|a| a.span.end),
        rule.guard.as_ref().map(|g| g.span.end),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(rule.span.start)
}

/// The `#` lines directly above a declaration that starts its line.
fn doc_comment(doc: &Document, def: &Def) -> String {
    let src = &doc.source;
    let line = src.line_of(def.span.start);
    if !doc.text()[src.line_start(line)..def.span.start]
        .trim()
        .is_empty()
    {
        return String::new();
    }
    let mut lines = Vec::new();
    for l in (0..line).rev() {
        let text = doc.text()[src.line_start(l)..src.line_start(l + 1)].trim();
        match text.strip_prefix('#') {
            Some(comment) => lines.push(comment.trim()),
            None => break,
        }
    }
    lines.reverse();
    lines.join("  \n")
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    fn hover_at(text: &str) -> String {
        let f = Fixture::new(text);
        hover(&f.doc, f.cursor)
            .map(|h| h.markdown)
            .unwrap_or_default()
    }

    const DECLS: &str = "\
# 用户画像
tag persona \"用户画像\": enum { 白领, 宝妈 }
tag interests: set { 彩妆, 护肤 }
event purchase { amount: number, sku: text }
# 企业微信 1v1
touchpoint wecom \"企业微信1v1\" {
  channel wecom
  limit 2 per day
  quiet 22:00..08:00
  cost 0.3
}
segment 高价值 = interests has 护肤 and sum(purchase.amount, 90d) >= 1000
team 销售 { capacity 40 per day }
";

    #[test]
    fn policies_show_their_limits_and_exceptions_and_enter_its_journey() {
        let policy =
            "policy 频控 \"全渠道\" {\n  limit 4 per day\n  limit 1 per 3d\n  except wecom\n}\n";
        let md = hover_at(&format!(
            "{DECLS}{}",
            policy.replace("policy 频控", "policy 频$0控")
        ));
        assert!(md.contains("policy 频控 \"全渠道\""), "{md}");
        for fact in [
            "limit: 4 sends per day per user",
            "limit: 1 sends per 3d per user",
            "except: wecom",
        ] {
            assert!(md.contains(fact), "{fact} in {md}");
        }
        let two = "journey a {\n  entry on purchase\n  priority 5\n  stage s { after 1d: enter b$0 }\n}\njourney b {\n  entry on purchase\n  stage t { }\n}\n";
        let md = hover_at(&format!("{DECLS}{two}"));
        assert!(md.contains("journey b"), "{md}");
        let md = hover_at(&format!(
            "{DECLS}{}",
            two.replace("journey a", "journey a$0")
        ));
        assert!(md.contains("priority: 5"), "{md}");
    }

    #[test]
    fn tags_show_type_variants_and_comment() {
        let md = hover_at(&format!("{DECLS}segment s = pers$0ona == 白领\n"));
        assert!(
            md.contains("tag persona \"用户画像\": enum { 白领, 宝妈 }"),
            "{md}"
        );
        assert!(md.contains("\n用户画像\n"), "{md}");
    }

    #[test]
    fn variants_name_their_tag() {
        let md = hover_at(&format!("{DECLS}segment s = persona == 白$0领\n"));
        assert!(md.contains("variant of tag `persona`"), "{md}");
        let md = hover_at(&format!("{DECLS}segment s = interests has 彩$0妆\n"));
        assert!(md.contains("member of tag `interests`"), "{md}");
    }

    #[test]
    fn events_fields_touchpoints_segments_teams() {
        let md = hover_at(&format!("{DECLS}segment s = did purch$0ase\n"));
        assert!(
            md.contains("event purchase { amount: number, sku: text }"),
            "{md}"
        );
        let md = hover_at(&format!("{DECLS}segment s = sum(purchase.am$0ount) > 1\n"));
        assert!(md.contains("field of event `purchase`"), "{md}");
        assert!(md.contains("type: `number`"), "{md}");
        let guard = "journey j {\n  entry on signup\n  stage a { on purchase if purchase.s$0ku == \"A\" -> a }\n}\n";
        let md = hover_at(&format!("{DECLS}{guard}"));
        assert!(md.contains("type: `text`"), "{md}");
        let md = hover_at(&DECLS.replace("touchpoint wecom", "touchpoint we$0com"));
        for fact in [
            "channel: `wecom`",
            "limit: 2 sends per day per user",
            "quiet window: 22:00..08:00",
            "cost: 0.3 per send",
            "企业微信 1v1",
        ] {
            assert!(md.contains(fact), "{fact} in {md}");
        }
        let broadcast = "touchpoint 朋$0友圈 { channel moments  broadcast  cost 20 }\n";
        let md = hover_at(&format!("{DECLS}{broadcast}"));
        for fact in ["broadcast: one post seen by many", "cost: 20 per post"] {
            assert!(md.contains(fact), "{fact} in {md}");
        }
        let md = hover_at(&DECLS.replace("segment 高价值", "segment 高价$0值"));
        assert!(
            md.contains(
                "segment 高价值 = interests has 护肤 and sum(purchase.amount, 90d) >= 1000"
            ),
            "{md}"
        );
        let md = hover_at(&DECLS.replace("team 销售", "team 销$0售"));
        assert!(md.contains("capacity: 40 tasks per day"), "{md}");
        assert!(md.contains("hours: all day, every day"), "{md}");
        let office = "capacity 9 per day  hours weekday 09:00..18:00";
        let md = hover_at(&DECLS.replace(
            "team 销售 { capacity 40 per day }",
            &format!("team 销$0售 {{ {office} }}"),
        ));
        assert!(md.contains("hours: hours weekday 09:00..18:00"), "{md}");
    }

    #[test]
    fn stages_show_label_and_transitions() {
        let md = hover_at(&format!(
            "{DECLS}journey j {{
  entry on purchase
  stage 新手 \"新手阶段\" {{
    on purchase -> 新$0客
    after 30d: {{ goto 沉睡 }}
  }}
  stage 新客 {{ after 3d unless did purchase: exit }}
  stage 沉睡 {{ }}
}}
"
        ));
        assert!(md.contains("stage 新客"), "{md}");
        assert!(
            md.contains("`after 3d unless did purchase` → leaves the journey"),
            "{md}"
        );
        assert!(md.contains("reached from: 新手"), "{md}");
        let md = hover_at(&md_journey("stage 新$0手 \"新手阶段\""));
        assert!(md.contains("stage 新手 \"新手阶段\""), "{md}");
        assert!(md.contains("users enter the journey here"), "{md}");
        assert!(md.contains("`on purchase` → 新客"), "{md}");
        assert!(md.contains("`after 30d` → 沉睡 (goto)"), "{md}");
    }

    #[test]
    fn stages_and_journeys_show_their_journey_wide_rules() {
        let text = format!(
            "{DECLS}journey j {{
  entry on purchase
  every mon at 20:00: send wecom \"周历\"
  on purchase -> 新客
  stage 新手 {{ after 3d -> 新客 }}
  stage 新$0客 {{ }}
}}
"
        );
        let md = hover_at(&text);
        assert!(
            md.contains("reached from: any stage (journey-wide), 新手"),
            "{md}"
        );
        let md = hover_at(
            &text
                .replace("新$0客 {", "新客 {")
                .replace("journey j", "journey $0j"),
        );
        assert!(md.contains("journey-wide rules: 2"), "{md}");
    }

    fn md_journey(stage_head: &str) -> String {
        format!(
            "{DECLS}journey j {{
  entry on purchase
  {stage_head} {{
    on purchase -> 新客
    after 30d: {{ goto 沉睡 }}
  }}
  stage 新客 {{ }}
  stage 沉睡 {{ }}
}}
"
        )
    }

    #[test]
    fn named_splits_show_their_stage_and_arms() {
        let md = hover_at(&format!(
            "{DECLS}journey j {{
  entry on purchase
  stage 新客 {{
    after 21d: {{
      if persona == 白领: split 券型$0实验 {{ 40% 满减券: exit  60% 折扣券: exit }}
    }}
  }}
}}
"
        ));
        assert!(md.contains("split 券型实验"), "{md}");
        assert!(md.contains("in stage `新客` of journey `j`"), "{md}");
        assert!(md.contains("arms: 40% 满减券, 60% 折扣券"), "{md}");
        assert!(md.contains("never reshuffles"), "{md}");
    }

    #[test]
    fn nothing_on_keywords_and_unknown_names() {
        assert_eq!(
            hover_at(&format!("{DECLS}segment s = di$0d purchase\n")),
            ""
        );
        assert_eq!(hover_at(&format!("{DECLS}segment s = did nob$0ody\n")), "");
    }
}
