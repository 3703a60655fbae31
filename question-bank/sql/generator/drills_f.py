from fw import *
from collections import defaultdict, Counter
from fractions import Fraction

L = lambda ex, uid, t, y=0: [ex, uid, t, y]
S = lambda uid, t, score: [uid, t, score]
T = lambda tid, uid, t, amt: [tid, uid, t, amt]
H = lambda uid, tier, f, to=None: [uid, tier, f, to]

# ---------------------------------------------------------------- point in time
def pit(t):
    out = []
    for l in t['labels']:
        cands = [s for s in t['credit_scores'] if s['user_id'] == l['user_id'] and s['score_time'] <= l['label_time']]
        best = max(cands, key=lambda s: s['score_time'])['score'] if cands else None
        out.append([l['example_id'], best])
    return ['example_id', 'score'], out

drill(id='sql-point-in-time-feature-join', title='Point-in-time correct feature join', difficulty='hard', time=1500,
  tags=['point-in-time', 'feature-store', 'leakage', 'lateral', 'ml-data'], dataset='feature-store', compute=pit,
  tests=[
    dict(data='sample', note='the sample: scores change over time'),
    dict(data={'labels': [L(1, 10, '2024-04-01 00:00:00+00')], 'credit_scores': [S(10, '2024-03-01 00:00:00+00', 700), S(10, '2024-04-02 00:00:00+00', 500)]},
         note='a later score must not leak into an earlier example'),
    dict(data={'labels': [L(1, 10, '2024-04-01 00:00:00+00'), L(2, 20, '2024-04-01 00:00:00+00')], 'credit_scores': [S(10, '2024-04-01 00:00:00+00', 650)]},
         note='a score stamped at exactly the label time is known; an example with no earlier score gets NULL'),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-04-01 00:00:00+00')], 'credit_scores': [S(10, '2024-01-01 00:00:00+00', 600), S(10, '2024-02-01 00:00:00+00', 610), S(10, '2024-03-01 00:00:00+00', 620)]}, note='the latest of several earlier scores'),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-04-01 00:00:00+00'), L(2, 10, '2024-05-01 00:00:00+00'), L(3, 10, '2024-06-01 00:00:00+00')], 'credit_scores': [S(10, '2024-04-15 00:00:00+00', 640), S(10, '2024-03-15 00:00:00+00', 700)]}, note='three examples of one user at different times'),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-04-01 00:00:00+00')], 'credit_scores': [S(20, '2024-03-01 00:00:00+00', 800)]}, note="another user's score is not used"),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-04-01 12:00:00+00')], 'credit_scores': [S(10, '2024-04-01 12:00:00.000001+00', 1), S(10, '2024-04-01 11:59:59+00', 2)]}, note='a microsecond after the label time is the future'),
    dict(hidden=True, data={'labels': [L(i, 10 + i % 4, f'2024-0{(i % 6) + 3}-15 00:00:00+00') for i in range(1, 15)],
                            'credit_scores': [S(10 + u, f'2024-0{m}-{d:02d} 00:00:00+00', 500 + 10 * u + m) for u in range(4) for m in range(2, 10, 2) for d in (1, 15)]},
         note='14 examples over four users'),
  ],
  prompt='''
Build a training set without leakage: for each labelled example, attach the user's most recent
credit score **known at the example's `label_time`**, that is the score with the latest
`score_time` at or before `label_time`, or NULL if there is none. Return `example_id` and `score`
for every example, in any order.
''',
  starter='''
SELECT l.example_id, s.score
FROM labels AS l
JOIN credit_scores AS s ON s.user_id = l.user_id;
''',
  solution='''
SELECT l.example_id, s.score
FROM labels AS l
LEFT JOIN LATERAL (
  SELECT cs.score
  FROM credit_scores AS cs
  WHERE cs.user_id = l.user_id
    AND cs.score_time <= l.label_time
  ORDER BY cs.score_time DESC
  LIMIT 1
) AS s ON true;
''',
  wrong=[
    ("the user's latest score overall: leaks scores from after the label time",
     'SELECT l.example_id, s.score\nFROM labels AS l\nLEFT JOIN LATERAL (\n  SELECT score FROM credit_scores AS cs WHERE cs.user_id = l.user_id\n  ORDER BY cs.score_time DESC LIMIT 1\n) AS s ON true;'),
    ('strictly before: a score stamped at the label time is dropped',
     'SELECT l.example_id, s.score\nFROM labels AS l\nLEFT JOIN LATERAL (\n  SELECT score FROM credit_scores AS cs\n  WHERE cs.user_id = l.user_id AND cs.score_time < l.label_time\n  ORDER BY cs.score_time DESC LIMIT 1\n) AS s ON true;'),
    ('an inner lateral join drops examples with no earlier score',
     'SELECT l.example_id, s.score\nFROM labels AS l\nJOIN LATERAL (\n  SELECT score FROM credit_scores AS cs\n  WHERE cs.user_id = l.user_id AND cs.score_time <= l.label_time\n  ORDER BY cs.score_time DESC LIMIT 1\n) AS s ON true;'),
    ('the earliest score instead of the latest known one',
     'SELECT l.example_id, s.score\nFROM labels AS l\nLEFT JOIN LATERAL (\n  SELECT score FROM credit_scores AS cs\n  WHERE cs.user_id = l.user_id AND cs.score_time <= l.label_time\n  ORDER BY cs.score_time LIMIT 1\n) AS s ON true;'),
  ],
  answer='''
An "as-of" join: for each example, the latest feature row with `score_time <= label_time`.
`LEFT JOIN LATERAL (... ORDER BY score_time DESC LIMIT 1)` states it directly and uses an index on
`(user_id, score_time)`; a window alternative ranks the candidate rows with `ROW_NUMBER() OVER
(PARTITION BY example_id ORDER BY score_time DESC)` after joining on `score_time <= label_time`.

Joining the user's current or latest value is label leakage: offline metrics look great because
the feature already reflects the outcome, and the model fails in production, where only past
values exist. Decide the boundary explicitly (here a score stamped at the label time counts) and
keep examples without history (NULL, for the model to handle).
''',
  rubric='''
- Restricts candidate rows to `score_time <= label_time` for the same user.
- Picks the latest of those (LATERAL with `LIMIT 1`, or a window rank).
- Keeps examples with no earlier score, with NULL (outer join).
- Explains why using the latest value overall is leakage and inflates offline metrics.
- Names the index that makes it fast, `(user_id, score_time)`.
''',
  hints='''
- For one example, write the query that finds its score; then make it correlated.
- Which join keeps an example when the subquery finds nothing?
''',
  followups='''
- Feature values arrive with a delay (computed nightly, available next morning). What changes?

  Join on the time the value became available (`available_at <= label_time`), not the time it
  describes; otherwise the join still leaks.
- How do feature stores do this at scale?

  A point-in-time (as-of) join in the offline store, e.g. a sort-merge by entity and time, with a
  time-to-live after which an old value counts as missing.
''')

# ---------------------------------------------------------------- trailing spend, no leakage
def trailing(t):
    out = []
    for l in t['labels']:
        lo = l['label_time'] - timedelta(days=7)
        tx = [x for x in t['transactions'] if x['user_id'] == l['user_id'] and lo <= x['txn_time'] < l['label_time']]
        out.append([l['example_id'], len(tx), float(sum((x['amount'] for x in tx), Decimal(0)))])
    return ['example_id', 'txn_count_7d', 'spend_7d'], out

drill(id='sql-trailing-seven-day-spend', title='Trailing 7-day spend without label leakage', difficulty='hard', time=1200,
  tags=['leakage', 'time-windows', 'left-join', 'ml-data'], dataset='feature-store', compute=trailing,
  tests=[
    dict(data='sample', note='the sample: one transaction at exactly the label time'),
    dict(data={'labels': [L(1, 10, '2024-04-08 00:00:00+00')], 'transactions': [T(1, 10, '2024-04-01 00:00:00+00', 5), T(2, 10, '2024-03-31 23:59:59+00', 7), T(3, 10, '2024-04-08 00:00:00+00', 100)]},
         note='the window is [label_time - 7 days, label_time): the start is in, the label time is out'),
    dict(data={'labels': [L(1, 10, '2024-04-08 00:00:00+00'), L(2, 20, '2024-04-08 00:00:00+00')], 'transactions': [T(1, 10, '2024-04-09 00:00:00+00', 5)]},
         note='no transactions in the window: 0 and 0, and the example is kept'),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-04-08 12:00:00+00'), L(2, 10, '2024-04-10 12:00:00+00')], 'transactions': [T(1, 10, '2024-04-03 12:00:00+00', 10), T(2, 10, '2024-04-09 12:00:00+00', 20)]}, note='two examples of one user; transactions are not double counted across users'),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-03-01 00:00:00+00')], 'transactions': [T(1, 10, '2024-02-23 00:00:00+00', 1), T(2, 10, '2024-02-22 23:59:59+00', 2)]}, note='the window crosses February in a leap year'),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-04-08 00:00:00+00')], 'transactions': [T(i, 10, f'2024-04-0{i % 7 + 1} 06:00:00+00', 1.25) for i in range(1, 10)]}, note='nine small transactions in the week'),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-04-08 00:00:00+00')], 'transactions': [T(1, 20, '2024-04-05 00:00:00+00', 50)]}, note="another user's transactions do not count"),
    dict(hidden=True, data={'labels': [L(i, 10 + i % 3, f'2024-05-{10 + i:02d} 00:00:00+00') for i in range(1, 10)],
                            'transactions': [T(i, 10 + i % 3, (datetime(2024, 5, 1, tzinfo=timezone.utc) + timedelta(hours=11 * i)).isoformat(), round(3 + i * 0.75, 2)) for i in range(1, 60)]},
         note='nine examples, 59 transactions'),
  ],
  prompt='''
For each labelled example, compute two features from the user's transactions in the 7 days
**before** the prediction: `txn_count_7d` and `spend_7d` (sum of `amount`), over transactions with
`label_time - 7 days <= txn_time < label_time`. A transaction at the label time itself or later
must not be used. Every example appears, with 0 and 0 when there are none. Return `example_id`,
`txn_count_7d`, `spend_7d`, in any order.
''',
  starter='''
SELECT l.example_id, COUNT(*) AS txn_count_7d, SUM(t.amount) AS spend_7d
FROM labels AS l
JOIN transactions AS t ON t.user_id = l.user_id
GROUP BY l.example_id;
''',
  solution='''
SELECT l.example_id,
       COUNT(t.txn_id) AS txn_count_7d,
       COALESCE(SUM(t.amount), 0) AS spend_7d
FROM labels AS l
LEFT JOIN transactions AS t
  ON t.user_id = l.user_id
 AND t.txn_time >= l.label_time - INTERVAL '7 days'
 AND t.txn_time <  l.label_time
GROUP BY l.example_id;
''',
  wrong=[
    ('<= label_time: a transaction at the prediction moment leaks in',
     "SELECT l.example_id, COUNT(t.txn_id) AS txn_count_7d, COALESCE(SUM(t.amount), 0) AS spend_7d\nFROM labels AS l\nLEFT JOIN transactions AS t ON t.user_id = l.user_id\n AND t.txn_time >= l.label_time - INTERVAL '7 days' AND t.txn_time <= l.label_time\nGROUP BY l.example_id;"),
    ('no upper bound: future transactions are used as features',
     "SELECT l.example_id, COUNT(t.txn_id) AS txn_count_7d, COALESCE(SUM(t.amount), 0) AS spend_7d\nFROM labels AS l\nLEFT JOIN transactions AS t ON t.user_id = l.user_id\n AND t.txn_time >= l.label_time - INTERVAL '7 days'\nGROUP BY l.example_id;"),
    ('the range condition in WHERE: examples with no transactions disappear',
     "SELECT l.example_id, COUNT(t.txn_id) AS txn_count_7d, COALESCE(SUM(t.amount), 0) AS spend_7d\nFROM labels AS l\nLEFT JOIN transactions AS t ON t.user_id = l.user_id\nWHERE t.txn_time >= l.label_time - INTERVAL '7 days' AND t.txn_time < l.label_time\nGROUP BY l.example_id;"),
    ('a window start excluded: > instead of >= drops a transaction exactly 7 days back',
     "SELECT l.example_id, COUNT(t.txn_id) AS txn_count_7d, COALESCE(SUM(t.amount), 0) AS spend_7d\nFROM labels AS l\nLEFT JOIN transactions AS t ON t.user_id = l.user_id\n AND t.txn_time > l.label_time - INTERVAL '7 days' AND t.txn_time < l.label_time\nGROUP BY l.example_id;"),
  ],
  answer='''
Join each example to its user's transactions inside a half-open window `[label_time - 7 days,
label_time)`, with all conditions in the `ON` clause of a `LEFT JOIN`, and aggregate per example:
`COUNT(t.txn_id)` and `COALESCE(SUM(t.amount), 0)`.

The upper bound is the point of the exercise: a feature may only use what was known when the
prediction would have been made. Including the label instant or anything later is label leakage
(a fraud model that "sees" the chargeback). Half-open windows never double count or drop a boundary
instant when windows tile. Conditions in `WHERE` would remove examples with no transactions.
''',
  rubric='''
- Bounds transactions above by the label time, exclusive.
- Bounds them below by label time minus 7 days, inclusive (half-open window).
- Keeps every example with 0 (LEFT JOIN with conditions in `ON`, COALESCE).
- Counts a column of the joined table, not `COUNT(*)`.
- Explains that later data in features is label leakage and why offline metrics then mislead.
''',
  hints='''
- Write the window as an inequality on `txn_time`; which ends are open?
- Where must the window conditions go to keep examples with no transactions?
''',
  followups='''
- How would you check a whole feature pipeline for leakage?

  Assert that every feature row's source timestamp is before its example's label time, and compare
  offline metrics with a time-based split against a random split; a big gap hints at leakage.
- Why split training and test data by time?

  Production predicts the future from the past; a random split lets the model learn from rows that
  come after the test rows, which overstates accuracy when behaviour drifts.
''')

# ---------------------------------------------------------------- SCD2 as-of
def scd(t):
    out = []
    for l in t['labels']:
        hits = [h['tier'] for h in t['tier_history'] if h['user_id'] == l['user_id'] and h['valid_from'] <= l['label_time'] and (h['valid_to'] is None or l['label_time'] < h['valid_to'])]
        assert len(hits) <= 1
        out.append([l['example_id'], hits[0] if hits else None])
    return ['example_id', 'tier'], out

drill(id='sql-slowly-changing-dimension-as-of', title='Tier at the time of each example (SCD type 2)', difficulty='hard', time=1200,
  tags=['scd', 'slowly-changing-dimension', 'point-in-time', 'left-join'], dataset='feature-store', compute=scd,
  tests=[
    dict(data='sample', note='the sample: tier changes on 1 May'),
    dict(data={'labels': [L(1, 10, '2024-05-01 00:00:00+00')], 'tier_history': [H(10, 'bronze', '2024-01-01 00:00:00+00', '2024-05-01 00:00:00+00'), H(10, 'silver', '2024-05-01 00:00:00+00')]},
         note='on the change instant the new row applies (valid_to is exclusive), and only once'),
    dict(data={'labels': [L(1, 10, '2024-01-15 00:00:00+00'), L(2, 20, '2024-03-01 00:00:00+00')], 'tier_history': [H(10, 'gold', '2024-02-01 00:00:00+00')]},
         note='before the first row the tier is unknown: NULL; a user with no history: NULL'),
    dict(hidden=True, data={'labels': [L(1, 10, '2030-01-01 00:00:00+00')], 'tier_history': [H(10, 'bronze', '2024-01-01 00:00:00+00', '2024-06-01 00:00:00+00'), H(10, 'gold', '2024-06-01 00:00:00+00')]}, note='the current row (valid_to NULL) covers the future'),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-03-01 00:00:00+00')], 'tier_history': [H(10, 'bronze', '2024-01-01 00:00:00+00', '2024-02-01 00:00:00+00'), H(10, 'silver', '2024-04-01 00:00:00+00')]}, note='a gap in the history: NULL'),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-04-30 23:59:59+00')], 'tier_history': [H(10, 'bronze', '2024-01-01 00:00:00+00', '2024-05-01 00:00:00+00'), H(10, 'silver', '2024-05-01 00:00:00+00')]}, note='the last second of the old row'),
    dict(hidden=True, data={'labels': [L(i, 10 + i % 2, f'2024-0{(i % 8) + 1}-10 00:00:00+00') for i in range(1, 11)],
                            'tier_history': [H(10, 'bronze', '2024-01-01 00:00:00+00', '2024-03-10 00:00:00+00'), H(10, 'silver', '2024-03-10 00:00:00+00', '2024-06-10 00:00:00+00'), H(10, 'gold', '2024-06-10 00:00:00+00'),
                                             H(11, 'silver', '2024-02-10 00:00:00+00', '2024-05-10 00:00:00+00'), H(11, 'bronze', '2024-05-10 00:00:00+00')]},
         note='ten examples, several boundaries hit exactly'),
    dict(hidden=True, data={'labels': [L(1, 10, '2024-05-01 00:00:00+00')], 'tier_history': [H(10, 'silver', '2024-05-01 00:00:00+00', '2024-05-02 00:00:00+00'), H(10, 'gold', '2024-05-02 00:00:00+00')]}, note='the current tier is not the tier at the time'),
  ],
  prompt='''
`tier_history` is a type-2 slowly changing dimension: each row holds a user's tier from
`valid_from` (inclusive) to `valid_to` (exclusive; NULL for the current row). For each labelled
example return `example_id` and `tier`, the user's tier at `label_time`, or NULL if no row covers
that instant. Every example appears exactly once; any row order.
''',
  starter='''
SELECT l.example_id, h.tier
FROM labels AS l
JOIN tier_history AS h ON h.user_id = l.user_id AND h.valid_to IS NULL;
''',
  solution='''
SELECT l.example_id, h.tier
FROM labels AS l
LEFT JOIN tier_history AS h
  ON h.user_id = l.user_id
 AND h.valid_from <= l.label_time
 AND (h.valid_to IS NULL OR l.label_time < h.valid_to);
''',
  wrong=[
    ('the current tier (valid_to IS NULL) instead of the tier at the time',
     'SELECT l.example_id, h.tier\nFROM labels AS l\nLEFT JOIN tier_history AS h ON h.user_id = l.user_id AND h.valid_to IS NULL;'),
    ('BETWEEN includes both ends: on a change instant two rows match and the example is duplicated',
     "SELECT l.example_id, h.tier\nFROM labels AS l\nLEFT JOIN tier_history AS h ON h.user_id = l.user_id\n AND l.label_time BETWEEN h.valid_from AND COALESCE(h.valid_to, 'infinity');"),
    ('ignores the open-ended current row: label_time < NULL is never true',
     'SELECT l.example_id, h.tier\nFROM labels AS l\nLEFT JOIN tier_history AS h ON h.user_id = l.user_id\n AND h.valid_from <= l.label_time AND l.label_time < h.valid_to;'),
    ('an inner join drops examples that no row covers',
     'SELECT l.example_id, h.tier\nFROM labels AS l\nJOIN tier_history AS h ON h.user_id = l.user_id\n AND h.valid_from <= l.label_time AND (h.valid_to IS NULL OR l.label_time < h.valid_to);'),
  ],
  answer='''
Join on the validity interval: `valid_from <= label_time AND (valid_to IS NULL OR label_time <
valid_to)`, as a `LEFT JOIN` so uncovered examples keep a NULL. Because the intervals are
half-open and do not overlap, at most one row matches.

`BETWEEN` is inclusive at both ends, so at a change instant both the old and the new row match and
the example is duplicated (silently double counting it in training). `valid_to` NULL means "still
valid", and any comparison with NULL is unknown, so handle it explicitly (or store `'infinity'`).
Using the current row is the SCD version of label leakage.
''',
  rubric='''
- Joins on `valid_from <= t` and `t < valid_to`, a half-open interval.
- Handles the open current row (`valid_to IS NULL`).
- Explains why `BETWEEN` duplicates rows at a boundary.
- Keeps examples no row covers, with NULL.
- Says the current tier would leak future information into older examples.
''',
  hints='''
- Write the condition for "label_time is inside [valid_from, valid_to)".
- What is `x < NULL`?
''',
  followups='''
- How would you make this join fast on a large history?

  A GiST index on `tstzrange(valid_from, valid_to)` with `@>` (range contains point), or a B-tree
  on `(user_id, valid_from)` with a LATERAL "latest valid_from <= t" lookup.
- How would you check the history has no overlaps?

  An exclusion constraint: `EXCLUDE USING gist (user_id WITH =, tstzrange(valid_from, valid_to)
  WITH &&)` (needs `btree_gist`).
''')
