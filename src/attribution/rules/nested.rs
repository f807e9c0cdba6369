//! Nested attributions: an attribution reported inside another one's content is part of
//! that content, not an attribution of its own.

use crate::attribution::{Attribution, AttributionKind};

/// Drops, from `out[base..]` (sorted by content start), each indirect attribution whose
/// cue lies inside another attribution's content: `She said that officials told her the
/// plan was dead` reports one act, hers; the officials' words are part of her content,
/// not a second top-level attribution. A mixed or partial attribution is dropped too
/// when another content holds all of it (its quotation is then reported twice). One
/// sweep: the contents that start at or before a
/// cue are a prefix of the list, and the longest reach among them (other than the
/// attribution's own) tells whether one holds the cue.
pub(super) fn drop_nested(out: &mut Vec<Attribution>, base: usize) {
    let list = &out[base..];
    if list.len() < 2 {
        return;
    }
    // prefix maxima of the content ends: (best end, its index, second best end)
    let mut reach = Vec::with_capacity(list.len());
    let (mut best, mut best_at, mut second) = (0usize, usize::MAX, 0usize);
    for (k, a) in list.iter().enumerate() {
        let end = a.content.end;
        if end > best {
            second = best;
            best = end;
            best_at = k;
        } else if end > second {
            second = end;
        }
        reach.push((best, best_at, second));
    }
    let mut keep = Vec::with_capacity(list.len());
    for (k, a) in list.iter().enumerate() {
        // a mixed or partial one is nested only when the other content holds all of it,
        // its quotation with it: the same quoted words reported twice, by the outer
        // source and the inner one (`Ana Ruiz said that he thinks the plan is “a fine
        // thing”`); PolNeAR takes the outer source. A direct one has its own marks.
        let partly_quoted = matches!(a.kind, AttributionKind::Mixed | AttributionKind::Partial);
        let nested = (a.kind == AttributionKind::Indirect || partly_quoted)
            && a.cue.is_some_and(|cue| {
                let from = if partly_quoted {
                    a.content.start.min(cue.start)
                } else {
                    cue.start
                };
                let reach_to = if partly_quoted {
                    a.content.end.max(cue.end)
                } else {
                    cue.end
                };
                let n = list.partition_point(|b| b.content.start <= from);
                n > 0 && {
                    let (best, best_at, second) = reach[n - 1];
                    let end = if best_at == k { second } else { best };
                    // two attributions whose cues lie in each other's content ("LABEL:
                    // …, analysts said") are rivals, not nested: both stay
                    let mutual = best_at != k
                        && list[best_at]
                            .cue
                            .is_some_and(|c| a.content.start <= c.start && c.end <= a.content.end);
                    end >= reach_to && !mutual
                }
            });
        keep.push(!nested);
    }
    let mut k = 0;
    let mut i = 0;
    out.retain(|_| {
        let stay = i < base || {
            let s = keep[k];
            k += 1;
            s
        };
        i += 1;
        stay
    });
}

#[cfg(test)]
mod tests {
    use super::super::context::unattributed;
    use super::drop_nested;
    use crate::analyze;
    use crate::attribution::AttributionKind;
    use crate::span::Span;

    #[test]
    fn of_two_attributions_with_one_content_the_later_one_stays() {
        // two cues inside one content: the first in the list (the text order sorts by
        // content only, so equal contents keep the order the rules made them in) is
        // nested in the second's content, and the second, its rival, stays: one of the
        // two, never neither, and which one depends on that order alone. Only "one, never
        // neither" is intended; which one survives is not a choice (no rule prefers the
        // later one): the second half pins today's order so a change to it shows up here
        let content = Span::new(0, 40);
        let make = |cue: Span| {
            let mut a = unattributed(content, AttributionKind::Indirect, 0);
            a.cue = Some(cue);
            a
        };
        let (first_cue, second_cue) = (Span::new(5, 9), Span::new(20, 26));
        let mut out = vec![make(first_cue), make(second_cue)];
        drop_nested(&mut out, 0);
        assert_eq!(
            out.iter().map(|a| a.cue).collect::<Vec<_>>(),
            [Some(second_cue)]
        );
        let mut out = vec![make(second_cue), make(first_cue)];
        drop_nested(&mut out, 0);
        assert_eq!(
            out.iter().map(|a| a.cue).collect::<Vec<_>>(),
            [Some(first_cue)]
        );
    }

    fn contents(text: &str) -> Vec<&str> {
        analyze(text)
            .attributions
            .iter()
            .map(|a| a.content.text(text))
            .collect()
    }

    #[test]
    fn a_cue_inside_another_content_is_not_a_second_attribution() {
        let text = "Ana Ruiz said that the officials told her the plan was dead.";
        assert_eq!(
            contents(text),
            ["that the officials told her the plan was dead"]
        );
    }

    #[test]
    fn cues_in_each_other_s_content_are_rivals_and_both_stay() {
        let text = "MARKETS: Oil prices rose, analysts said.";
        assert_eq!(
            contents(text),
            ["MARKETS: Oil prices rose", "Oil prices rose, analysts said"]
        );
    }

    #[test]
    fn attributions_side_by_side_both_stay() {
        let text = "Ana Ruiz said that the plan was dead. Tom Reyes said that it was alive.";
        assert_eq!(contents(text).len(), 2);
    }

    #[test]
    fn a_fragment_reported_inside_another_content_is_not_a_second_attribution() {
        // the first clause stops at the participle (its comma inside the closing mark);
        // the inner cue's partial quotation lies in the participle's content: that
        // attribution keeps it
        let text = "Okafor hailed the vote on the pier as “historic,” telling the crowd at the harbour after the vote that she believes the new pier will be “a great thing” for the town.";
        assert_eq!(
            contents(text),
            [
                "the vote on the pier as “historic,”",
                "that she believes the new pier will be “a great thing” for the town"
            ]
        );
    }

    #[test]
    fn a_quotation_inside_a_content_keeps_its_own_attribution() {
        // only indirect attributions are dropped: a direct quotation has its own marks
        let text = "“We will win,” the mayor said.";
        assert_eq!(contents(text), ["“We will win,”"]);
    }
}
