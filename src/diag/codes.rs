//! The stable diagnostic codes. Numbers never change meaning; `docs/diagnostics.md`
//! holds one section per code (with a failing example and the fix), which is what
//! `journey explain` prints.

use super::Severity;

macro_rules! codes {
    ($($variant:ident = $code:literal, $sev:ident, $title:literal;)*) => {
        /// A stable diagnostic code: `J00xx` syntax, `J01xx` names, `J02xx` types,
        /// `J03xx` semantics, `J04xx` warnings, `J05xx` projects (`import`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// A short title, as in the headings of `docs/diagnostics.md`.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }
        }
    };
}

codes! {
    Syntax = "J0001", Error, "syntax error";
    UnterminatedString = "J0002", Error, "unterminated string";
    InvalidEscape = "J0003", Error, "invalid escape in a string";
    NestingTooDeep = "J0004", Error, "nesting too deep";
    ReservedWord = "J0005", Error, "reserved word used as a name";
    NumberTooLarge = "J0006", Error, "number too large";
    FullWidth = "J0007", Error, "full-width punctuation outside a string";

    UnknownTag = "J0101", Error, "unknown tag";
    UnknownEvent = "J0102", Error, "unknown event";
    UnknownTouchpoint = "J0103", Error, "unknown touchpoint";
    UnknownCondition = "J0104", Error, "unknown tag or segment";
    UnknownTeam = "J0105", Error, "unknown team";
    UnknownStage = "J0106", Error, "unknown stage";
    UnknownField = "J0107", Error, "unknown field";
    DuplicateName = "J0108", Error, "duplicate name";
    UnknownChannel = "J0109", Error, "unknown channel";
    UnknownJourney = "J0110", Error, "unknown journey";

    TypeMismatch = "J0201", Error, "type mismatch in a comparison";
    NotAVariant = "J0202", Error, "enum value is not a variant";
    HasNeedsSet = "J0203", Error, "`has` used on a tag that is not a set tag";
    NotACondition = "J0204", Error, "not a condition";
    SumNeedsNumber = "J0205", Error, "`sum` over a field that is not a number";
    TagActionMismatch = "J0206", Error, "tag action does not fit the tag's type";
    PopulationValueMismatch = "J0207", Error, "population value does not fit the tag or field";
    FieldMismatch = "J0210", Error, "event field compared with a value of another type";
    FieldNotAVariant = "J0211", Error, "value is not a variant of the enum field";
    TagFromFieldMismatch = "J0212", Error, "tag set from a field of another type";

    SplitPercentSum = "J0301", Error, "split percents do not add up to 100";
    UnknownTimezone = "J0302", Error, "unknown timezone";
    InvalidClock = "J0303", Error, "invalid clock time";
    MissingEntry = "J0304", Error, "journey has no `entry`";
    PercentOutOfRange = "J0305", Error, "percent out of range";
    PopulationPercentSum = "J0306", Error, "population percents do not add up to 100";
    StageOutsideJourney = "J0307", Error, "`in stage` used outside a journey";
    DuplicateSetting = "J0308", Error, "setting given twice";
    EmptyRange = "J0309", Error, "empty range";
    InvalidDuration = "J0310", Error, "invalid duration";
    MissingSetting = "J0311", Error, "missing required setting";
    NoStages = "J0312", Error, "journey has no stages";
    InvalidDate = "J0313", Error, "invalid date";
    RecursiveSegment = "J0314", Error, "segment refers to itself";
    TooLargeToSimulate = "J0315", Error, "too large to simulate";
    FieldOutOfPlace = "J0320", Error, "event field read where that event is not handled";
    RollingWindowOutOfRange = "J0330", Error, "rolling limit window out of range";
    InvalidMonthDay = "J0331", Error, "day of the month out of range";
    StageTriggerOutsideStage = "J0340", Error, "stage trigger in a journey-wide rule";
    EnterOwnJourney = "J0350", Error, "`enter` of the journey the rule is in";
    PriorityNotInteger = "J0351", Error, "`priority` is not an integer";
    MixedTimezones = "J0352", Error, "journeys simulated together have different time zones";

    UnusedDeclaration = "J0401", Warning, "unused declaration";
    MissingTimezone = "J0402", Warning, "journey has no `timezone`";
    UnreachableStage = "J0403", Warning, "unreachable stage";
    DeadEndStage = "J0404", Warning, "dead-end stage";
    NeverHolds = "J0406", Warning, "condition can never hold";
    AlwaysHolds = "J0407", Warning, "condition always holds";
    AfterTimeout = "J0408", Warning, "rule due after the stage's timeout";
    OverDailyLimit = "J0409", Warning, "more sends in a day than the limit allows";
    QuietClock = "J0410", Warning, "clock inside a quiet window";
    DeadSplitArm = "J0411", Warning, "split arm with 0% of users";
    ShadowedRule = "J0412", Warning, "rule shadowed by a transition at the same moment";
    DuplicateWhen = "J0413", Warning, "two `when` rules with the same condition";
    UnreachableGoal = "J0414", Warning, "goal event no population produces";
    TransitionLoop = "J0415", Warning, "transitions can loop";
    UnreachableBranch = "J0423", Warning, "`if` branch no user can reach";
    DateWindowBeforeStart = "J0426", Warning, "date window ends before the population starts";
    RepeatsJourneyWideRule = "J0430", Warning, "stage rule repeats a journey-wide rule";
    RecurringJourneyWideTransition = "J0431", Warning, "recurring journey-wide transition re-enters its stage";
    DateBeforeStart = "J0440", Warning, "date rule before the population starts";
    ServiceLevelBelowSlot = "J0460", Warning, "service level shorter than one task slot";
    ImportNotRelative = "J0501", Error, "import path is absolute or a URL";
    ImportNotJourney = "J0502", Error, "import names a file that is not a .journey file";
    ImportMissing = "J0503", Error, "imported file not found";
    ImportLeavesRoot = "J0504", Error, "import leaves the project root";
    ImportCycle = "J0505", Error, "import cycle";
    ImportUnreadable = "J0506", Error, "imported file cannot be read";
}

impl Code {
    pub fn parse(text: &str) -> Option<Code> {
        let wanted = text.trim().to_ascii_uppercase();
        Code::ALL.iter().copied().find(|c| c.as_str() == wanted)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_well_formed_and_grouped() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            let s = c.as_str();
            assert!(seen.insert(s), "duplicate {s}");
            assert!(
                s.len() == 5 && s.starts_with('J') && s[1..].bytes().all(|b| b.is_ascii_digit())
            );
            let warning = s.starts_with("J04");
            assert_eq!(c.severity() == Severity::Warning, warning, "{s}");
        }
        assert_eq!(Code::parse("j0102"), Some(Code::UnknownEvent));
        assert_eq!(Code::parse("J9999"), None);
    }
}
