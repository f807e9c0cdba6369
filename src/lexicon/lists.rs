//! Short word lists that one rule each reads, in the order it wrote them (a list, not a
//! set: each is a handful of words, scanned whole). They used to sit inline in the
//! rules; as data files they say where they came from and how to regenerate them, like
//! every list of the lexicon. Unlike the other lists they are parsed at compile time
//! into constant slices: the rules scan them per token and per mention, and a constant
//! list costs what the inline one did (a list read on first use cost 0.4 % of the
//! analysis in instructions).

/// Spaces and tabs around an entry (and the `\r` of a Windows line end).
const fn is_blank(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r')
}

/// The next entry of a list file at or after byte `at`: a line trimmed of spaces, tabs
/// and `\r`, neither empty nor a `#` comment. Its start, its end and where the line
/// after it starts. `entries` trims any Unicode white space, which a const fn cannot
/// test cheaply; the two agree on every list file (a test checks it), which hold no
/// other white space around an entry.
const fn next_entry(data: &[u8], mut at: usize) -> Option<(usize, usize, usize)> {
    while at < data.len() {
        let mut line_end = at;
        while line_end < data.len() && data[line_end] != b'\n' {
            line_end += 1;
        }
        let (mut start, mut end) = (at, line_end);
        while start < end && is_blank(data[start]) {
            start += 1;
        }
        while end > start && is_blank(data[end - 1]) {
            end -= 1;
        }
        let next = if line_end < data.len() {
            line_end + 1
        } else {
            line_end
        };
        if end > start && data[start] != b'#' {
            return Some((start, end, next));
        }
        at = next;
    }
    None
}

/// The number of entries of a list file.
const fn count(data: &str) -> usize {
    let bytes = data.as_bytes();
    let (mut n, mut at) = (0, 0);
    while let Some((_, _, next)) = next_entry(bytes, at) {
        n += 1;
        at = next;
    }
    n
}

/// The `N` entries of a list file, in order.
const fn parse<const N: usize>(data: &'static str) -> [&'static str; N] {
    let bytes = data.as_bytes();
    let mut out = [""; N];
    let (mut k, mut at) = (0, 0);
    while let Some((start, end, next)) = next_entry(bytes, at) {
        let (_, rest) = bytes.split_at(start);
        let (word, _) = rest.split_at(end - start);
        out[k] = match core::str::from_utf8(word) {
            Ok(word) => word,
            // never: the entry is cut at ASCII bytes of a UTF-8 file
            Err(_) => panic!("a word list entry is not UTF-8"),
        };
        k += 1;
        at = next;
    }
    out
}

/// The entries of a list file as a constant slice, parsed at compile time.
macro_rules! word_list {
    ($data:expr) => {{
        const DATA: &str = $data;
        const LIST: [&str; count(DATA)] = parse::<{ count(DATA) }>(DATA);
        &LIST
    }};
}

/// Determiners the entity clustering strips from a mention (`mention_determiners.txt`).
pub(crate) const MENTION_DETERMINERS: &[&str] = word_list!(include_str!("mention_determiners.txt"));

/// Words that join an organisation's name for the entity clustering, `the` and `&`
/// included (`organisation_joiners.txt`).
pub(crate) const ORGANISATION_JOINERS: &[&str] =
    word_list!(include_str!("organisation_joiners.txt"));

/// Reporting verbs (lemmas) whose `to` phrase is the one spoken to (`said to the envoy`;
/// `to_addressee_verbs.txt`).
pub(crate) const TO_ADDRESSEE_VERBS: &[&str] = word_list!(include_str!("to_addressee_verbs.txt"));

/// Words that continue a name for the rules' name finder (`name_joiners.txt`).
pub(crate) const NAME_JOINERS: &[&str] = word_list!(include_str!("name_joiners.txt"));

/// Forms of reporting verbs that are never nouns (`verb_only_forms.txt`).
pub(crate) const VERB_ONLY_FORMS: &[&str] = word_list!(include_str!("verb_only_forms.txt"));

/// Lowercase words a title in quotation marks may hold (`title_small_words.txt`).
pub(crate) const TITLE_SMALL_WORDS: &[&str] = word_list!(include_str!("title_small_words.txt"));

/// Words that disown the quoted term after them, `so-called` (`scare_quote_markers.txt`).
pub(crate) const SCARE_QUOTE_MARKERS: &[&str] = word_list!(include_str!("scare_quote_markers.txt"));

/// Wh-relatives opening a relative clause with its own subject (`clause_relatives.txt`).
pub(crate) const CLAUSE_RELATIVES: &[&str] = word_list!(include_str!("clause_relatives.txt"));
/// Relative pronouns, for the source model (`relative_pronouns.txt`).
pub(crate) const RELATIVE_PRONOUNS: &[&str] = word_list!(include_str!("relative_pronouns.txt"));
/// Words opening an introductory phrase before the subject (`intro_openers.txt`).
pub(crate) const INTRO_OPENERS: &[&str] = word_list!(include_str!("intro_openers.txt"));
/// Adverbs closing a measure of time, `Hours later,` (`time_measure_adverbs.txt`).
pub(crate) const TIME_MEASURE_ADVERBS: &[&str] =
    word_list!(include_str!("time_measure_adverbs.txt"));
/// Units of time ending such a measure, `Two weeks later,` (`time_measure_units.txt`).
pub(crate) const TIME_MEASURE_UNITS: &[&str] = word_list!(include_str!("time_measure_units.txt"));
/// Titles that say a person is a man, `Mr.` (`male_titles.txt`).
pub(crate) const MALE_TITLES: &[&str] = word_list!(include_str!("male_titles.txt"));
/// Titles that say a person is a woman, `Ms.` (`female_titles.txt`).
pub(crate) const FEMALE_TITLES: &[&str] = word_list!(include_str!("female_titles.txt"));
/// Quantifiers that stand alone as a subject, `some said` (`quantifier_subjects.txt`).
pub(crate) const QUANTIFIER_SUBJECTS: &[&str] = word_list!(include_str!("quantifier_subjects.txt"));
/// Irregular past participles of reporting verbs (the regular ones end in -ed) (`irregular_participles.txt`).
pub(crate) const IRREGULAR_PARTICIPLES: &[&str] =
    word_list!(include_str!("irregular_participles.txt"));
/// Words that may stand between `be` and a participle (`was not asked`, `is widely
/// expected`); adverbs in -ly are taken too (`between_be_and_participle.txt`).
pub(crate) const BETWEEN_BE_AND_PARTICIPLE: &[&str] =
    word_list!(include_str!("between_be_and_participle.txt"));
/// Finite forms of verbs of the manner of speaking that report words only right beside
/// a quotation (`“Not now,” she snapped.`) (`frame_verbs.txt`).
pub(crate) const FRAME_VERBS: &[&str] = word_list!(include_str!("frame_verbs.txt"));
/// Adverbs that may stand in a quotation's frame, between its speaker and verb (`it now
/// reads`) or after the verb (`he answered flatly`) (`frame_adverbs.txt`).
pub(crate) const FRAME_ADVERBS: &[&str] = word_list!(include_str!("frame_adverbs.txt"));
/// The future's auxiliaries between a frame's speaker and its verb (`“…,” the mayor will
/// announce.`) (`future_auxiliaries.txt`).
pub(crate) const FUTURE_AUXILIARIES: &[&str] = word_list!(include_str!("future_auxiliaries.txt"));
/// Conjunctions after a frame's verb that open a coordinated verb or clause (`barked and
/// walked off`) (`frame_conjunctions.txt`).
pub(crate) const FRAME_CONJUNCTIONS: &[&str] = word_list!(include_str!("frame_conjunctions.txt"));
/// The forms of `be` that make a passive before a participle (`be_forms.txt`).
pub(crate) const BE_FORMS: &[&str] = word_list!(include_str!("be_forms.txt"));
/// Words that open a passive cue's content right after its `by` agent (`was asked by
/// reporters whether …`, `was urged by aides to …`); anything else there means the agent's
/// noun phrase was cut short, and the content keeps it (`clause_after_agent.txt`).
pub(crate) const CLAUSE_AFTER_AGENT: &[&str] = word_list!(include_str!("clause_after_agent.txt"));
/// Verbs of causing whose object speaks the infinitive cue after it (`cause_verbs.txt`).
pub(crate) const CAUSE_VERBS: &[&str] = word_list!(include_str!("cause_verbs.txt"));
/// Words after `appear` that make it an appearance in person (`appeared on television`) (`appearance_in_person.txt`).
pub(crate) const APPEARANCE_IN_PERSON: &[&str] =
    word_list!(include_str!("appearance_in_person.txt"));

/// Negations before a reporting verb (`did not say`, `never said`): the cue is hedged,
/// for the weights to decide (`negations.txt`).
pub(crate) const NEGATIONS: &[&str] = word_list!(include_str!("negations.txt"));
/// Modal and `do` auxiliaries, which with the negations stand between a subject and its
/// verb (`X would not say`) (`auxiliaries.txt`).
pub(crate) const AUXILIARIES: &[&str] = word_list!(include_str!("auxiliaries.txt"));

/// Reporting verbs whose short direct object is content, `endorsed the mayor`
/// (`object_verbs.txt`).
pub(crate) const OBJECT_VERBS: &[&str] = word_list!(include_str!("object_verbs.txt"));

/// Articles and possessive determiners before a noun or an adjective (`his stated aim`)
/// (`noun_determiners.txt`).
pub(crate) const NOUN_DETERMINERS: &[&str] = word_list!(include_str!("noun_determiners.txt"));

/// Reporting verbs with the preposition whose object is their content, `called for a
/// ban`: "lemma preposition" pairs (`prepositional_cues.txt`).
pub(crate) const PREPOSITIONAL_CUES: &[&str] = word_list!(include_str!("prepositional_cues.txt"));

/// Wh-words opening an embedded question (`question_words.txt`).
pub(crate) const QUESTION_WORDS: &[&str] = word_list!(include_str!("question_words.txt"));
/// Conjunctions that may open a sentence before its attribution (`leading_conjunctions.txt`).
pub(crate) const LEADING_CONJUNCTIONS: &[&str] =
    word_list!(include_str!("leading_conjunctions.txt"));
/// Words before an -ing cue that make it a participle of the main clause (`participle_openers.txt`).
pub(crate) const PARTICIPLE_OPENERS: &[&str] = word_list!(include_str!("participle_openers.txt"));
/// Words before a participle that opens the sentence (`opening_subordinators.txt`).
pub(crate) const OPENING_SUBORDINATORS: &[&str] =
    word_list!(include_str!("opening_subordinators.txt"));
/// Conjunctions opening a later clause with its own subject and cue (`clause_conjunctions.txt`).
pub(crate) const CLAUSE_CONJUNCTIONS: &[&str] = word_list!(include_str!("clause_conjunctions.txt"));
/// Object pronouns before an -ing form (`object_pronouns.txt`).
pub(crate) const OBJECT_PRONOUNS: &[&str] = word_list!(include_str!("object_pronouns.txt"));
/// Adverbs between a conjunction and a coordinated cue (`coordination_adverbs.txt`).
pub(crate) const COORDINATION_ADVERBS: &[&str] =
    word_list!(include_str!("coordination_adverbs.txt"));
/// Nouns that end a time phrase between a subject and its verb (`time_nouns.txt`).
pub(crate) const TIME_NOUNS: &[&str] = word_list!(include_str!("time_nouns.txt"));
/// Conjunctions before the last item of a list (`list_conjunctions.txt`).
pub(crate) const LIST_CONJUNCTIONS: &[&str] = word_list!(include_str!("list_conjunctions.txt"));
/// Words that open a time phrase before a time noun (`time_openers.txt`).
pub(crate) const TIME_OPENERS: &[&str] = word_list!(include_str!("time_openers.txt"));
/// Openers of a short time, place or medium phrase after a cue (`cue_tail_openers.txt`).
pub(crate) const CUE_TAIL_OPENERS: &[&str] = word_list!(include_str!("cue_tail_openers.txt"));
/// Openers of a short phrase between a cue and its `that` (`phrase_before_that.txt`).
pub(crate) const PHRASE_BEFORE_THAT: &[&str] = word_list!(include_str!("phrase_before_that.txt"));
/// Words that block or hedge a cue two words before it (`hedge_before_auxiliary.txt`).
pub(crate) const HEDGE_BEFORE_AUXILIARY: &[&str] =
    word_list!(include_str!("hedge_before_auxiliary.txt"));
/// Words between a two-word hedge and its cue (`auxiliary_after_hedge.txt`).
pub(crate) const AUXILIARY_AFTER_HEDGE: &[&str] =
    word_list!(include_str!("auxiliary_after_hedge.txt"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read_as_the_lexicon_reads_files() {
        let data = "# a header\n  the \n\n# a comment\n&\r\nso called\n\tlast";
        let parsed: &[&str] =
            word_list!("# a header\n  the \n\n# a comment\n&\r\nso called\n\tlast");
        assert_eq!(parsed, super::super::entries(data).collect::<Vec<_>>());
        assert_eq!(parsed, ["the", "&", "so called", "last"]);
    }

    /// Every list of this module with its file.
    const LISTS: [(&[&str], &str); 44] = [
        (
            TIME_MEASURE_ADVERBS,
            include_str!("time_measure_adverbs.txt"),
        ),
        (TIME_MEASURE_UNITS, include_str!("time_measure_units.txt")),
        (MALE_TITLES, include_str!("male_titles.txt")),
        (FEMALE_TITLES, include_str!("female_titles.txt")),
        (LIST_CONJUNCTIONS, include_str!("list_conjunctions.txt")),
        (TIME_NOUNS, include_str!("time_nouns.txt")),
        (TIME_OPENERS, include_str!("time_openers.txt")),
        (MENTION_DETERMINERS, include_str!("mention_determiners.txt")),
        (TO_ADDRESSEE_VERBS, include_str!("to_addressee_verbs.txt")),
        (
            ORGANISATION_JOINERS,
            include_str!("organisation_joiners.txt"),
        ),
        (NAME_JOINERS, include_str!("name_joiners.txt")),
        (VERB_ONLY_FORMS, include_str!("verb_only_forms.txt")),
        (TITLE_SMALL_WORDS, include_str!("title_small_words.txt")),
        (SCARE_QUOTE_MARKERS, include_str!("scare_quote_markers.txt")),
        (RELATIVE_PRONOUNS, include_str!("relative_pronouns.txt")),
        (CLAUSE_RELATIVES, include_str!("clause_relatives.txt")),
        (QUANTIFIER_SUBJECTS, include_str!("quantifier_subjects.txt")),
        (INTRO_OPENERS, include_str!("intro_openers.txt")),
        (
            IRREGULAR_PARTICIPLES,
            include_str!("irregular_participles.txt"),
        ),
        (
            BETWEEN_BE_AND_PARTICIPLE,
            include_str!("between_be_and_participle.txt"),
        ),
        (BE_FORMS, include_str!("be_forms.txt")),
        (FRAME_VERBS, include_str!("frame_verbs.txt")),
        (FRAME_ADVERBS, include_str!("frame_adverbs.txt")),
        (FUTURE_AUXILIARIES, include_str!("future_auxiliaries.txt")),
        (FRAME_CONJUNCTIONS, include_str!("frame_conjunctions.txt")),
        (CLAUSE_AFTER_AGENT, include_str!("clause_after_agent.txt")),
        (CAUSE_VERBS, include_str!("cause_verbs.txt")),
        (
            APPEARANCE_IN_PERSON,
            include_str!("appearance_in_person.txt"),
        ),
        (NEGATIONS, include_str!("negations.txt")),
        (AUXILIARIES, include_str!("auxiliaries.txt")),
        (OBJECT_VERBS, include_str!("object_verbs.txt")),
        (NOUN_DETERMINERS, include_str!("noun_determiners.txt")),
        (PREPOSITIONAL_CUES, include_str!("prepositional_cues.txt")),
        (QUESTION_WORDS, include_str!("question_words.txt")),
        (
            LEADING_CONJUNCTIONS,
            include_str!("leading_conjunctions.txt"),
        ),
        (PARTICIPLE_OPENERS, include_str!("participle_openers.txt")),
        (
            OPENING_SUBORDINATORS,
            include_str!("opening_subordinators.txt"),
        ),
        (CLAUSE_CONJUNCTIONS, include_str!("clause_conjunctions.txt")),
        (OBJECT_PRONOUNS, include_str!("object_pronouns.txt")),
        (
            COORDINATION_ADVERBS,
            include_str!("coordination_adverbs.txt"),
        ),
        (CUE_TAIL_OPENERS, include_str!("cue_tail_openers.txt")),
        (PHRASE_BEFORE_THAT, include_str!("phrase_before_that.txt")),
        (
            HEDGE_BEFORE_AUXILIARY,
            include_str!("hedge_before_auxiliary.txt"),
        ),
        (
            AUXILIARY_AFTER_HEDGE,
            include_str!("auxiliary_after_hedge.txt"),
        ),
    ];

    #[test]
    fn every_list_reads_as_entries_reads_its_file() {
        for (list, data) in LISTS {
            assert_eq!(list, super::super::entries(data).collect::<Vec<_>>());
        }
    }

    #[test]
    fn every_list_is_lowercase_without_duplicates() {
        // every file's header says "one lowercase word (or phrase) per line"
        for (list, data) in LISTS {
            let header = data.lines().take_while(|l| l.starts_with('#'));
            assert!(header.collect::<String>().contains("lowercase"), "{list:?}");
            for (k, w) in list.iter().enumerate() {
                assert_eq!(*w, w.to_lowercase(), "{list:?}");
                assert!(!list[..k].contains(w), "{w} twice in {list:?}");
            }
        }
    }

    #[test]
    fn lists_load_as_they_were_inline() {
        // the lists the rules had inline, word for word and in order
        assert_eq!(
            MENTION_DETERMINERS,
            [
                "the", "a", "an", "another", "his", "her", "their", "its", "this", "that"
            ]
        );
        assert_eq!(ORGANISATION_JOINERS, ["of", "and", "for", "on", "the", "&"]);
        assert_eq!(NAME_JOINERS, ["of", "for", "and", "on"]);
        assert_eq!(
            VERB_ONLY_FORMS,
            [
                "said", "says", "told", "tells", "wrote", "writes", "thought", "found", "shown",
                "learnt", "written"
            ]
        );
        assert_eq!(
            TITLE_SMALL_WORDS,
            [
                "a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with"
            ]
        );
        assert_eq!(SCARE_QUOTE_MARKERS, ["so-called", "so called"]);
        assert_eq!(RELATIVE_PRONOUNS, ["who", "which", "that", "whose"]);
    }
}
