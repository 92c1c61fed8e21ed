//! Assembles a `Call` from the pieces a layout parser finds: speakers, turns, paragraphs,
//! then settles what needs the whole call (anchors, roles, the Q&A boundary).

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Warning, WarningKind};
use crate::transcript::model::{Call, Meta, Paragraph, Role, SCHEMA_VERSION, Section, Speaker, Turn, UNKNOWN_SPEAKER};
use crate::transcript::speakers::{self, Roster, announces_question, find_introduction, name_key, same_person};

/// Ids the call page uses for its own parts; a speaker never takes one of them.
const RESERVED_IDS: &[&str] = &[
    "top",
    "summary",
    "headline",
    "figures",
    "participants",
    "transcript",
    "prepared",
    "qa",
    "main",
    "content",
    "view-both",
    "view-original",
    "view-translation",
];

/// Collects speakers and turns in file order.
#[derive(Debug, Default)]
pub struct CallBuilder {
    speakers: Vec<Speaker>,
    by_key: HashMap<String, usize>,
    used_ids: HashSet<String>,
    turns: Vec<Turn>,
    warnings: Vec<Warning>,
    explicit_qa_turn: Option<usize>,
    roster: Roster,
}

impl CallBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder that names speakers from a participant list.
    pub fn with_roster(roster: Roster) -> Self {
        CallBuilder {
            roster,
            ..Self::default()
        }
    }

    /// Records a warning.
    pub fn warn(&mut self, line: usize, kind: WarningKind, message: impl Into<String>) {
        self.warnings.push(Warning::new(line, kind, message));
    }

    /// Starts a turn for the header `label` at `line` (name and title read from the label).
    pub fn start_turn(&mut self, label: &str, line: usize) {
        let (name, title) = speakers::split_header(label);
        self.start_turn_as(label, name, title, None, None, line);
    }

    /// Starts a turn whose speaker the layout has read itself. A participant list, when
    /// there is one, supplies the canonical name, title, firm and role.
    pub fn start_turn_as(
        &mut self,
        label: &str,
        name: &str,
        title: Option<&str>,
        affiliation: Option<&str>,
        role: Option<Role>,
        line: usize,
    ) {
        let known = self.roster.find(name).cloned();
        let (name, title, affiliation, role) = match &known {
            Some(p) => (
                p.name.as_str(),
                p.title.as_deref().or(title),
                p.affiliation.as_deref().or(affiliation),
                role.unwrap_or(p.role),
            ),
            None => (name, title, affiliation, role.unwrap_or(Role::Unknown)),
        };
        let role = if speakers::is_operator(name) {
            Role::Operator
        } else {
            role
        };
        let speaker = self.speaker_id(name, title, role);
        if let Some(a) = affiliation
            && let Some(s) = self.speakers.iter_mut().find(|s| s.id == speaker)
            && s.affiliation.is_none()
        {
            s.affiliation = Some(a.to_string());
        }
        let n = self.turns.len() + 1;
        self.turns.push(Turn {
            id: format!("t{n}"),
            anchor: String::new(),
            speaker,
            section: Section::Prepared,
            line,
            label: label.trim().to_string(),
            paragraphs: Vec::new(),
        });
    }

    /// Marks the turn about to start (or, when none is open yet, the next one) as the first of Q&A.
    pub fn mark_qa_here(&mut self) {
        if self.explicit_qa_turn.is_none() {
            self.explicit_qa_turn = Some(self.turns.len());
        }
    }

    /// Adds a paragraph to the current turn; text before any header goes to an
    /// "Unknown speaker" turn with a warning, so nothing is lost.
    pub fn add_paragraph(&mut self, paragraph: Paragraph) {
        if self.turns.is_empty() {
            let line = paragraph.line;
            self.warn(
                line,
                WarningKind::NoSpeaker,
                "text before the first speaker header; shown under \"Unknown speaker\"",
            );
            self.start_turn(UNKNOWN_SPEAKER, line);
        }
        if let Some(turn) = self.turns.last_mut() {
            turn.paragraphs.push(paragraph);
        }
    }

    /// True when no turn has been started.
    pub fn is_empty(&self) -> bool {
        self.turns.is_empty()
    }

    fn speaker_id(&mut self, name: &str, title: Option<&str>, role: Role) -> String {
        let key = name_key(name);
        if let Some(&i) = self.by_key.get(&key) {
            let speaker = &mut self.speakers[i];
            if speaker.title.is_none() {
                speaker.title = title.map(str::to_string);
            }
            if speaker.role == Role::Unknown {
                speaker.role = role;
            }
            return speaker.id.clone();
        }
        let id = self.unique_id(&slug::slugify(name));
        self.by_key.insert(key, self.speakers.len());
        self.speakers.push(Speaker {
            id: id.clone(),
            name: name.to_string(),
            title: title.map(str::to_string),
            affiliation: None,
            role,
            aliases: Vec::new(),
        });
        id
    }

    /// `base`, or `base-2`, `base-3`, ... whichever is free and not reserved.
    fn unique_id(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "speaker" } else { base };
        let taken =
            |s: &str, used: &HashSet<String>| used.contains(s) || RESERVED_IDS.contains(&s) || is_numbered_id(s);
        let mut id = base.to_string();
        let mut n = 2;
        while taken(&id, &self.used_ids) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used_ids.insert(id.clone());
        id
    }

    /// Settles anchors, roles and sections, and returns the call.
    pub fn finish(mut self, layout: &str, meta: Meta) -> Call {
        self.link_introduced_analysts();
        self.assign_sections();
        self.assign_remaining_roles();
        self.assign_anchors();
        Call {
            schema_version: SCHEMA_VERSION,
            layout: layout.to_string(),
            meta,
            speakers: self.speakers,
            turns: self.turns,
            warnings: self.warnings,
        }
    }

    fn speaker_index(&self, id: &str) -> Option<usize> {
        self.speakers.iter().position(|s| s.id == id)
    }

    /// The operator says `the line of Doug Anmuth with JPMorgan`; the next non-operator
    /// turn whose speaker matches that name is the analyst: record firm and short name.
    fn link_introduced_analysts(&mut self) {
        let mut pending: Option<speakers::Introduction> = None;
        for t in 0..self.turns.len() {
            let Some(si) = self.speaker_index(&self.turns[t].speaker) else {
                continue;
            };
            if self.speakers[si].role == Role::Operator {
                let intro = self.turns[t]
                    .paragraphs
                    .iter()
                    .rev()
                    .find_map(|p| find_introduction(&p.text));
                if intro.is_some() {
                    pending = intro;
                }
                continue;
            }
            let Some(intro) = pending.take() else { continue };
            let speaker = &mut self.speakers[si];
            // Either may be the short one: `Doug Anmuth` introduced, `Douglas Till Anmuth`
            // speaking; `Bo Lin` introduced, `MR. LIN` speaking.
            if !same_person(&intro.name, &speaker.name) && !same_person(&speaker.name, &intro.name) {
                continue;
            }
            speaker.role = Role::Analyst;
            speaker.affiliation.get_or_insert(intro.firm);
            if name_key(&intro.name) != name_key(&speaker.name) && !speaker.aliases.contains(&intro.name) {
                speaker.aliases.push(intro.name);
            }
        }
    }

    /// Q&A starts at an explicit marker, else at the operator's first announced question
    /// (or the turn before it, when that turn sets the rules for questions: "we ask that
    /// you limit yourself to two questions"), else at the first analyst turn.
    fn assign_sections(&mut self) {
        let start = self.explicit_qa_turn.or_else(|| {
            let announced = self.turns.iter().position(|t| {
                self.speaker_role(&t.speaker) == Some(Role::Operator)
                    && t.paragraphs.iter().any(|p| announces_question(&p.text))
            })?;
            let rules_before = announced
                .checked_sub(1)
                .map(|i| &self.turns[i])
                .is_some_and(|t| t.paragraphs.iter().any(|p| speakers::sets_question_rules(&p.text)));
            Some(if rules_before { announced - 1 } else { announced })
        });
        let start = start.or_else(|| {
            self.turns
                .iter()
                .position(|t| self.speaker_role(&t.speaker) == Some(Role::Analyst))
        });
        if let Some(start) = start {
            for turn in &mut self.turns[start..] {
                turn.section = Section::Qa;
            }
        }
    }

    fn speaker_role(&self, id: &str) -> Option<Role> {
        self.speaker_index(id).map(|i| self.speakers[i].role)
    }

    /// Whoever is still unknown: an analyst if the title says so, else an executive
    /// (they gave remarks or answered); labels like `Unidentified Analyst` stay labels.
    fn assign_remaining_roles(&mut self) {
        for speaker in &mut self.speakers {
            if speaker.role != Role::Unknown {
                continue;
            }
            let said = |w: &str| {
                speaker.name.to_lowercase().contains(w)
                    || speaker.title.as_deref().is_some_and(|t| t.to_lowercase().contains(w))
            };
            if said("analyst") {
                speaker.role = Role::Analyst;
            } else if said("unknown") || said("unidentified") {
                continue;
            } else {
                speaker.role = Role::Executive;
            }
        }
    }

    fn assign_anchors(&mut self) {
        let mut count: HashMap<String, usize> = HashMap::new();
        let mut used: HashSet<String> = self.speakers.iter().map(|s| s.id.clone()).collect();
        for turn in &mut self.turns {
            let n = count.entry(turn.speaker.clone()).or_insert(0);
            *n += 1;
            turn.anchor = if *n == 1 {
                turn.speaker.clone()
            } else {
                let mut k = *n;
                let mut anchor = format!("{}-{k}", turn.speaker);
                while used.contains(&anchor) {
                    k += 1;
                    anchor = format!("{}-{k}", turn.speaker);
                }
                anchor
            };
            used.insert(turn.anchor.clone());
        }
    }
}

/// Ids like `t12`, `t3-p4` or `f7` are the page's numbered anchors (turns, paragraphs, figures).
fn is_numbered_id(s: &str) -> bool {
    let mut parts = s.split('-');
    parts.all(|p| {
        let mut chars = p.chars();
        matches!(chars.next(), Some('t' | 'p' | 'f')) && {
            let rest = chars.as_str();
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, line: usize) -> Paragraph {
        Paragraph::new(text, line)
    }

    #[test]
    fn a_turn_setting_the_rules_for_questions_opens_the_qa() {
        let mut b = CallBuilder::new();
        b.start_turn("Operator", 1);
        b.add_paragraph(para("Welcome.", 2));
        b.start_turn("Jane Roe - CEO", 3);
        b.add_paragraph(para("Revenue grew.", 4));
        b.start_turn("Dee Fox - IR", 5);
        b.add_paragraph(para("We ask that you limit yourself to two questions. Operator?", 6));
        b.start_turn("Operator", 7);
        b.add_paragraph(para("Our first question comes from Sam Poe with Acme Capital.", 8));
        assert_eq!(b.finish("test", Meta::default()).qa_start(), Some(2));

        let mut b = CallBuilder::new();
        b.start_turn("Jane Roe - CEO", 1);
        b.add_paragraph(para("With that, we will take questions. Operator?", 2));
        b.start_turn("Operator", 3);
        b.add_paragraph(para("Our first question comes from Sam Poe with Acme Capital.", 4));
        assert_eq!(b.finish("test", Meta::default()).qa_start(), Some(1));
    }

    #[test]
    fn anchors_follow_speakers_and_numbers_stay_unique() {
        let mut b = CallBuilder::new();
        b.start_turn("Operator", 1);
        b.add_paragraph(para("Welcome.", 2));
        b.start_turn("Jane Roe - CEO", 3);
        b.add_paragraph(para("Hello.", 4));
        b.start_turn("Operator", 5);
        b.add_paragraph(para(
            "Our first question comes from the line of Sam Poe with Acme Capital.",
            6,
        ));
        b.start_turn("Samuel Q. Poe - Analyst", 7);
        b.add_paragraph(para("Question?", 8));
        b.start_turn("Jane Roe - CEO", 9);
        b.add_paragraph(para("Answer.", 10));
        let call = b.finish("test", Meta::default());
        let anchors: Vec<&str> = call.turns.iter().map(|t| t.anchor.as_str()).collect();
        assert_eq!(
            anchors,
            ["operator", "jane-roe", "operator-2", "samuel-q-poe", "jane-roe-2"]
        );
        assert_eq!(call.qa_start(), Some(2));
        let poe = call.speaker("samuel-q-poe").unwrap();
        assert_eq!(poe.role, Role::Analyst);
        assert_eq!(poe.affiliation.as_deref(), Some("Acme Capital"));
        assert_eq!(poe.aliases, ["Sam Poe"]);
        assert_eq!(call.speaker("jane-roe").unwrap().role, Role::Executive);
    }

    #[test]
    fn speakers_never_take_reserved_or_numbered_ids() {
        let mut b = CallBuilder::new();
        b.start_turn("Summary", 1);
        b.start_turn("T1", 2);
        let call = b.finish("test", Meta::default());
        assert_eq!(call.speakers[0].id, "summary-2");
        assert_eq!(call.speakers[1].id, "t1-2");
    }

    #[test]
    fn text_before_any_header_is_kept_with_a_warning() {
        let mut b = CallBuilder::new();
        b.add_paragraph(para("Orphan.", 3));
        let call = b.finish("test", Meta::default());
        assert_eq!(call.turns.len(), 1);
        assert_eq!(call.turns[0].paragraphs[0].text, "Orphan.");
        assert_eq!(call.warnings[0].kind, WarningKind::NoSpeaker);
    }
}
