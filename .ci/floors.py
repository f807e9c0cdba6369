#!/usr/bin/env python3
"""Check measured accuracy against the floors the crate promises.

Usage:
    python3 .ci/floors.py polnear SCORE.json
    python3 .ci/floors.py gum SCORE.json
    python3 .ci/floors.py canonical SCORE.json

SCORE.json is the `--json` output of ../shared/tools/polnear/score.py,
../shared/tools/sbd/score.py or ../shared/tools/polnear/canonical.py. Prints every figure with its floor and exits 1 when
one is below. The floors are the issues' floors (see README.md, "Accuracy"), so that a
change that makes things worse than promised fails CI.
Standard library only.
"""
import json
import sys

# issue 12's canonical floors: the level measured on PolNeAR dev when they were set,
# rounded down (raise them as the speaker entities improve); set after merging the
# learned linking decisions, which choose the speaker mentions; raised on the entities
# branch to just under its measured 78.6 / 87.8 / 74.5 / 50.2 / 57.0 (unnamed 5.98 %), and
# on entities2 to just under 79.94 / 89.11 / 76.24 / 50.75 / 57.98 (unnamed 4.89 %), and on
# entities3 to just under 81.97 / 90.32 / 76.68 / 58.00 / 59.51 (unnamed 4.97 %), and on
# this session's entities branch to just under 83.05 / 90.48 / 79.15 / 60.50 / 60.39
# (unnamed 4.35 %); set after merging it with the speakers and content branches and
# refitting the weights to just under the merge's 83.11 / 90.63 / 78.87 / 60.70 / 60.62
# (unnamed 4.89 %); raised on the next entities branch to just under its measured
# 83.51 / 90.63 / 79.58 / 62.19 / 60.92 (unnamed 4.89 %); set after merging this
# session's branches (content, speakers, entities and their review mends) and refitting
# the weights to just under the merge's 83.89 / 90.59 / 80.00 / 64.22 / 61.74 (unnamed
# 4.30 %); raised on the next entities branch to just under its measured
# 84.45 / 90.72 / 81.05 / 65.69 / 62.15 (unnamed 4.30 %); set after merging the next
# session's branches (speakers, content, entities, and speed work that changes no output)
# and refitting the weights (after the review mends of its speaker rules) to just under
# the merge's 84.28 / 90.48 / 80.63 / 65.84 / 61.97 (unnamed 4.69 %); raised on the
# next entities branch to just under its measured 85.32 / 91.40 / 82.39 / 66.34 / 62.73
# (unnamed 4.69 %); set after merging the next session's branches (speakers, recall,
# entities, speed, wall and their review mends) and refitting, to just under the merge's
# 85.35 / 91.43 / 82.52 / 66.67 / 63.26 (unnamed 4.71 %); raised after merging the next
# session's entities and speakers branches (weights not refit) to just under the merge's
# 85.59 / 91.43 / 83.57 / 66.67 / 63.44 (unnamed 4.71 %); set after merging the next
# session's branches (speed, entities, speakers, recall, then quotes and canon) and
# refitting, to just under the merge's 87.78 / 92.78 / 86.94 / 70.48 / 65.79 (unnamed
# 3.11 %; the ceiling keeps a margin under the 0.05); raised after the next
# session's merge (speakers branch with middle initials, caused speakers; speed branches
# with the same output) and refit, to just under its 88.25 / 93.30 / 86.94 / 71.43 / 66.14
# (unnamed 3.11 %)
ALL, NAME, PRONOUN, DESCRIPTION, RECALL = 0.880, 0.930, 0.869, 0.712, 0.659
UNNAMED = 0.040

# (label, path into the score JSON, floor)
FLOORS = {
    "polnear": [
        # issue 3 (quotation detection): the floors
        ("direct quotes: overlap F1", ("direct_quotes", "overlap", "f1"), 0.950),
        ("direct quotes: exact F1", ("direct_quotes", "exact", "f1"), 0.850),
        # issue 4 (attribution): the floors; issue 11 (learned decisions) raised
        # e2e, speaker accuracy, content partial and content+source to just under what
        # the learned cue sense, source choice and attachment reach on dev (87.73, 92.41,
        # 76.64, 67.96; issue 11 asks 89 / 76 / 67: content floors met, e2e not yet);
        # set after merging this session's speakers, content and entities branches and
        # refitting the weights, to just under the merge's 87.60 / 92.50 / 77.08 / 68.82
        # (5-fold CV on train, the forecast, went 85.7 -> 86.3 e2e, 73.7 -> 74.3 content);
        # content partial and content+source raised on the content branch (coordinated
        # verbs, time phrases before the verb) to just under its 77.46 / 69.44; all four
        # set after the next merge (verb frames, review mends) and refit to just under its
        # 87.98 / 92.96 / 77.46 / 69.50 (5-fold CV: 86.7 e2e, 74.7 content partial); e2e
        # and speaker accuracy raised on the speakers branch (nested fragments, titles and
        # labels, subjects) to just under its 88.34 / 93.06 (5-fold CV: 87.2 e2e); set
        # after merging it with the content and entities branches and refitting, to just
        # under the merge's 88.28 / 92.96 (5-fold CV: 87.2 e2e, 75.1 content partial); set
        # after the next session's merge (speakers, recall, entities) and refit to just
        # under its 88.47 / 93.08 / 77.93 / 69.64 (5-fold CV: 87.2 e2e, 75.3 content partial);
        # set after the next session's merge (speed, entities, speakers, recall, quotes,
        # canon) and refit to just under its 88.71 / 93.32 / 78.45 / 70.62 (5-fold CV:
        # 88.1 e2e, 75.7 content partial, 67.4 content+source); e2e set to issue 11's 89
        # after the next session's merge and refit reached 89.21 / 93.78 / 78.45 / 70.93
        # (5-fold CV: 88.2 e2e, 75.8 content partial, 67.4 content+source)
        ("direct quotes: end-to-end F1", ("direct_quotes", "end_to_end", "f1"), 0.890),
        ("direct quotes: speaker accuracy", ("direct_quotes", "speaker_accuracy"), 0.935),
        ("all attributions: content partial F1", ("attributions", "all", "partial", "f1"), 0.783),
        ("all attributions: content+source F1", ("attributions", "all", "content_source", "f1"), 0.707),
    ],
    "gum": [
        # issue 2: GUM dev boundary F1 with the split policy
        ("GUM dev boundary F1", ("f1",), 0.980),
    ],
    "canonical": [
        # issue 12 (speaker entities): the level reached on PolNeAR dev (the issue's
        # targets are all 0.80, pronoun 0.75, description 0.65, recall 0.65)
        ("canonical speaker: all", ("canonical_accuracy", "all"), ALL),
        ("canonical speaker: name", ("canonical_accuracy", "name"), NAME),
        ("canonical speaker: pronoun", ("canonical_accuracy", "pronoun"), PRONOUN),
        ("canonical speaker: description", ("canonical_accuracy", "description"), DESCRIPTION),
        ("canonical speaker: recall over named gold", ("canonical_recall", "all"), RECALL),
    ],
}

# Ceilings: shares that must stay low.
CEILINGS = {
    "polnear": [
        # issue 3: at most 3 % of system quotes outside every gold quotation
        ("system quotes outside every gold quote", None, 0.030),
    ],
    "gum": [],
    "canonical": [
        # issue 12: unnamed gold sources given one of the article's named entities (the
        # issue's target is 0.05)
        ("unnamed sources given a named entity", ("unnamed_sources_given_a_named_entity",), UNNAMED),
    ],
}


def get(d, path):
    for k in path:
        d = d[k]
    return d


def main(argv):
    if len(argv) != 3 or argv[1] not in FLOORS:
        print(__doc__, file=sys.stderr)
        return 2
    kind, path = argv[1], argv[2]
    with open(path, encoding="utf-8") as fh:
        score = json.load(fh)
    failed = 0
    for label, key, floor in FLOORS[kind]:
        value = get(score, key)
        ok = value >= floor
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {label}: {value:.3f} (floor {floor:.3f})")
    for label, key, ceiling in CEILINGS[kind]:
        if key is None:
            dq = score["direct_quotes"]
            value = dq["fp_no_gold"] / max(1, dq["n_system_quotes"])
        else:
            value = get(score, key)
        ok = value <= ceiling
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {label}: {value:.3f} (ceiling {ceiling:.3f})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
