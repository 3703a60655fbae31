from fw import *
from collections import defaultdict, Counter
from fractions import Fraction

# ---------------------------------------------------------------- dedupe latest
dataset('_profiles', '', '''
CREATE TABLE profile_updates (
  update_id   integer     PRIMARY KEY,
  customer_id integer     NOT NULL,
  email       text        NOT NULL,
  updated_at  timestamptz NOT NULL
);
''', {'profile_updates': ['update_id', 'customer_id', 'email', 'updated_at']}, {})
DATASETS['_profiles']['types'] = {'profile_updates': {'updated_at': 'ts'}}
PU = lambda uid, cid, email, t: [uid, cid, email, t]

def latest(t):
    by = defaultdict(list)
    for r in t['profile_updates']: by[r['customer_id']].append(r)
    out = []
    for cid, rs in by.items():
        best = max(rs, key=lambda r: (r['updated_at'], r['update_id']))
        out.append([cid, best['email'], best['updated_at']])
    return ['customer_id', 'email', 'updated_at'], out

drill(id='sql-latest-row-per-key', title='Keep the latest record per customer', difficulty='medium', time=900,
  tags=['deduplication', 'row-number', 'distinct-on', 'ties'], dataset='_profiles', compute=latest,
  tests=[
    dict(data={'profile_updates': [PU(1, 1, 'a@x.io', '2024-01-01 10:00:00+00'), PU(2, 1, 'a2@x.io', '2024-02-01 10:00:00+00'), PU(3, 2, 'b@x.io', '2024-01-05 10:00:00+00')]}, note='two updates for customer 1'),
    dict(data={'profile_updates': [PU(7, 1, 'old@x.io', '2024-03-01 09:00:00+00'), PU(8, 1, 'new@x.io', '2024-03-01 09:00:00+00')]}, note='a tie on updated_at: the higher update_id wins, one row only'),
    dict(data={'profile_updates': [PU(9, 1, 'late@x.io', '2024-01-01 10:00:00+00'), PU(3, 1, 'early-id@x.io', '2024-05-01 10:00:00+00')]}, note='update_id order is not time order'),
    dict(hidden=True, data={'profile_updates': []}, note='no updates'),
    dict(hidden=True, data={'profile_updates': [PU(1, 5, 'only@x.io', '2024-01-01 10:00:00+00')]}, note='a single update'),
    dict(hidden=True, data={'profile_updates': [PU(i, 1, f'v{i}@x.io', '2024-06-01 00:00:00+00') for i in range(1, 5)]}, note='four updates at the same instant'),
    dict(hidden=True, data={'profile_updates': [PU(1, 1, 'same@x.io', '2024-01-01 10:00:00+00'), PU(2, 1, 'same@x.io', '2024-01-02 10:00:00+00'), PU(3, 2, 'same@x.io', '2024-01-02 10:00:00+00')]}, note='identical emails across rows and customers'),
    dict(hidden=True, data={'profile_updates': [PU(100 - i, i % 5, f'u{i}@x.io', (datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(hours=(i * 7) % 30)).isoformat()) for i in range(1, 30)]}, note='29 updates for five customers, with ties'),
  ],
  prompt='''
`profile_updates` logs every change of a customer's email. Keep one row per customer: the latest
update by `updated_at`, and among updates at the same instant the one with the highest
`update_id`. Return `customer_id`, `email` and `updated_at`, in any order.
''',
  starter='''
SELECT customer_id, MAX(email) AS email, MAX(updated_at) AS updated_at
FROM profile_updates
GROUP BY customer_id;
''',
  solution='''
SELECT customer_id, email, updated_at
FROM (
  SELECT customer_id, email, updated_at,
         ROW_NUMBER() OVER (
           PARTITION BY customer_id
           ORDER BY updated_at DESC, update_id DESC
         ) AS rn
  FROM profile_updates
) AS ranked
WHERE rn = 1;
''',
  wrong=[
    ('MAX of each column mixes rows: the largest email is not the latest one',
     'SELECT customer_id, MAX(email) AS email, MAX(updated_at) AS updated_at\nFROM profile_updates\nGROUP BY customer_id;'),
    ('join back on the latest time: a tie returns two rows for one customer',
     'SELECT p.customer_id, p.email, p.updated_at\nFROM profile_updates AS p\nJOIN (SELECT customer_id, MAX(updated_at) AS t FROM profile_updates GROUP BY customer_id) AS m\n  ON m.customer_id = p.customer_id AND m.t = p.updated_at;'),
    ('RANK keeps every row tied for first',
     'SELECT customer_id, email, updated_at\nFROM (\n  SELECT customer_id, email, updated_at,\n         RANK() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) AS rn\n  FROM profile_updates\n) AS ranked\nWHERE rn = 1;'),
    ('the highest update_id is not the latest update when ids are not in time order',
     'SELECT DISTINCT ON (customer_id) customer_id, email, updated_at\nFROM profile_updates\nORDER BY customer_id, update_id DESC;'),
  ],
  answer='''
Number each customer's rows from the latest with `ROW_NUMBER() OVER (PARTITION BY customer_id ORDER
BY updated_at DESC, update_id DESC)` and keep `rn = 1`. The tie-breaker makes the order total, so
exactly one deterministic row survives. In Postgres, `SELECT DISTINCT ON (customer_id) ... ORDER BY
customer_id, updated_at DESC, update_id DESC` does the same more briefly.

`MAX()` per column picks values from different rows. Joining back to `MAX(updated_at)` or `RANK()
= 1` returns every row tied for latest. Never rely on ids being in time order.
''',
  rubric='''
- Uses `ROW_NUMBER` (or `DISTINCT ON`) partitioned by customer.
- Orders by `updated_at DESC` with `update_id DESC` as the tie-breaker.
- Explains why per-column `MAX` mixes values from different rows.
- Explains why `RANK` or a join on the max timestamp can return duplicates.
''',
  hints='''
- Which ranking function always gives exactly one row number 1 per partition?
''',
  followups='''
- How would you delete the older duplicates in place?

  `DELETE FROM profile_updates p USING (the ranked query) r WHERE p.update_id = r.update_id AND
  r.rn > 1`, in a transaction, after checking the count.
- How do you make this fast on a large table?

  An index on `(customer_id, updated_at DESC, update_id DESC)` gives `DISTINCT ON` its order
  without a sort (it still reads every entry); with many rows per customer, a LATERAL `LIMIT 1`
  from the customer list reads one index entry per customer.
''')

# ---------------------------------------------------------------- duplicate emails
dataset('_accounts', '', '''
CREATE TABLE accounts (
  account_id integer PRIMARY KEY,
  email      text    NOT NULL
);
''', {'accounts': ['account_id', 'email']}, {})
def dupes(t):
    n = Counter(a['email'].strip(' ').lower() for a in t['accounts'])
    return ['email', 'accounts'], [[k, v] for k, v in n.items() if v > 1]

drill(id='sql-duplicate-emails', title='Duplicate emails, ignoring case and spaces', difficulty='easy', time=600,
  tags=['group-by', 'having', 'deduplication', 'text'], dataset='_accounts', compute=dupes,
  tests=[
    dict(data={'accounts': [[1, 'ann@x.io'], [2, 'bob@x.io'], [3, 'ann@x.io']]}, note='an exact duplicate'),
    dict(data={'accounts': [[1, 'Ann@X.io'], [2, ' ann@x.io '], [3, 'cy@x.io']]}, note='case and surrounding spaces do not make an email different'),
    dict(data={'accounts': [[1, 'a@x.io'], [2, 'b@x.io']]}, note='no duplicates: empty'),
    dict(hidden=True, data={'accounts': []}, note='no accounts'),
    dict(hidden=True, data={'accounts': [[i, ['A@x.io', 'a@x.io ', 'b@x.io', 'B@X.IO', 'c@x.io'][i % 5]] for i in range(1, 12)]}, note='several groups of different sizes'),
    dict(hidden=True, data={'accounts': [[1, 'a.b@x.io'], [2, 'ab@x.io'], [3, 'a.b@x.io']]}, note='a dot makes a different email'),
    dict(hidden=True, data={'accounts': [[1, 'z@x.io'], [2, 'Z@x.io'], [3, 'z@x.io']]}, note='three accounts, one email'),
    dict(hidden=True, data={'accounts': [[1, '\tq@x.io'], [2, 'q@x.io']]}, note='trim removes spaces only, so a tab keeps the emails different'),
  ],
  prompt='''
Find email addresses used by more than one account, treating emails as equal when they match after
removing leading and trailing space characters (`' '` only; a tab or other whitespace is kept)
and ignoring case. Return `email` (lower-cased and trimmed) and `accounts` (how many accounts use
it), in any order.
''',
  starter='''
SELECT email, COUNT(*) AS accounts
FROM accounts
GROUP BY email;
''',
  solution='''
SELECT lower(trim(email)) AS email, COUNT(*) AS accounts
FROM accounts
GROUP BY lower(trim(email))
HAVING COUNT(*) > 1;
''',
  wrong=[
    ('groups by the raw email: case and spaces split duplicates apart',
     'SELECT lower(trim(email)) AS email, COUNT(*) AS accounts\nFROM accounts\nGROUP BY email\nHAVING COUNT(*) > 1;'),
    ('lower-cases but does not trim',
     'SELECT lower(email) AS email, COUNT(*) AS accounts\nFROM accounts\nGROUP BY lower(email)\nHAVING COUNT(*) > 1;'),
    ('HAVING COUNT(*) >= 1 keeps every email',
     'SELECT lower(trim(email)) AS email, COUNT(*) AS accounts\nFROM accounts\nGROUP BY lower(trim(email))\nHAVING COUNT(*) >= 1;'),
  ],
  answer='''
Normalise, group by the normalised value, and keep groups with more than one row:
`GROUP BY lower(trim(email)) HAVING COUNT(*) > 1`. The filter is on a group's size, so it belongs
in `HAVING`; `WHERE COUNT(*) > 1` is an error because aggregates do not exist yet in `WHERE`.

To stop duplicates at the source, add a unique index on the normalised expression:
`CREATE UNIQUE INDEX ON accounts (lower(trim(email)))`, or use the `citext` type.
''',
  rubric='''
- Normalises with `lower(trim(email))` both in the output and in the grouping.
- Filters groups with `HAVING COUNT(*) > 1`.
- Says why the condition cannot go in `WHERE`.
- Suggests a unique expression index (or citext) to prevent duplicates.
''',
  hints='''
- Group by what makes two emails "the same".
''',
  followups='''
- How would you list the account ids of each duplicate group?

  `array_agg(account_id ORDER BY account_id)` or `string_agg(account_id::text, ', ')` in the same
  grouped query.
- Which account would you keep when merging?

  Usually the oldest (lowest id or created_at): `MIN(account_id)` per group, or `ROW_NUMBER()`
  over the group ordered by creation.
''')

# ---------------------------------------------------------------- moving average over calendar days
dataset('_daily', '', '''
CREATE TABLE daily_revenue (
  day     date          PRIMARY KEY,   -- days without sales have no row
  revenue numeric(12, 2) NOT NULL
);
''', {'daily_revenue': ['day', 'revenue']}, {})
DATASETS['_daily']['types'] = {'daily_revenue': {'day': 'date', 'revenue': 'num'}}
def moving(t):
    rows = {r['day']: r['revenue'] for r in t['daily_revenue']}
    out = []
    for dday in sorted(rows):
        vals = [rows[dday - timedelta(days=k)] for k in range(3) if dday - timedelta(days=k) in rows]
        out.append([dday, float(sum(vals) / len(vals))])
    return ['day', 'avg_3d'], out

DR = lambda dd, r: [dd, r]
drill(id='sql-moving-average-calendar-days', title='Three-day moving average with missing days', difficulty='medium', time=900,
  tags=['window-functions', 'moving-average', 'range-frame', 'dates'], dataset='_daily', ordered=True, compute=moving,
  tests=[
    dict(data={'daily_revenue': [DR('2024-01-01', 10), DR('2024-01-02', 20), DR('2024-01-03', 30), DR('2024-01-04', 40)]}, note='consecutive days'),
    dict(data={'daily_revenue': [DR('2024-01-01', 10), DR('2024-01-02', 20), DR('2024-01-05', 50), DR('2024-01-06', 60)]}, note='a gap: 5 January averages only itself, since 3 and 4 January have no rows'),
    dict(data={'daily_revenue': [DR('2024-02-28', 3), DR('2024-02-29', 6), DR('2024-03-01', 9)]}, note='across a leap day'),
    dict(hidden=True, data={'daily_revenue': []}, note='no days'),
    dict(hidden=True, data={'daily_revenue': [DR('2024-01-01', 7)]}, note='one day'),
    dict(hidden=True, data={'daily_revenue': [DR('2024-01-01', 1), DR('2024-01-03', 3), DR('2024-01-04', 4), DR('2024-01-07', 7)]}, note='gaps of one and two days'),
    dict(hidden=True, data={'daily_revenue': [DR('2023-12-30', 1.5), DR('2023-12-31', 2.5), DR('2024-01-01', 0)]}, note='a year end and a zero day'),
    dict(hidden=True, data={'daily_revenue': [DR((date(2024, 3, 1) + timedelta(days=k)).isoformat(), round(100 + 13.7 * ((k * 7) % 11), 2)) for k in range(40) if k % 6 != 3]}, note='forty days with gaps'),
  ],
  prompt='''
`daily_revenue` has one row per day with sales; days without sales have no row. For each row return
`day` and `avg_3d`: the average revenue over the rows whose day falls in the 3 calendar days ending
on that day (the day itself and the two before; missing days are simply absent from the average).
Sort by `day` (row order matters).
''',
  starter='''
SELECT day, revenue AS avg_3d
FROM daily_revenue
ORDER BY day;
''',
  solution='''
SELECT day,
       AVG(revenue) OVER (
         ORDER BY day
         RANGE BETWEEN INTERVAL '2 days' PRECEDING AND CURRENT ROW
       ) AS avg_3d
FROM daily_revenue
ORDER BY day;
''',
  wrong=[
    ('ROWS counts rows, not days: after a gap it averages in days from long ago',
     'SELECT day, AVG(revenue) OVER (ORDER BY day ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS avg_3d\nFROM daily_revenue\nORDER BY day;'),
    ("off by one: '3 days' PRECEDING spans four calendar days",
     "SELECT day, AVG(revenue) OVER (ORDER BY day RANGE BETWEEN INTERVAL '3 days' PRECEDING AND CURRENT ROW) AS avg_3d\nFROM daily_revenue\nORDER BY day;"),
    ('the default frame averages everything up to the day',
     'SELECT day, AVG(revenue) OVER (ORDER BY day) AS avg_3d\nFROM daily_revenue\nORDER BY day;'),
  ],
  answer='''
A `RANGE` frame with an offset works on the values of the `ORDER BY` column: `RANGE BETWEEN INTERVAL
'2 days' PRECEDING AND CURRENT ROW` covers the days `day - 2` to `day`, however many rows that is
(Postgres 11 and later). A `ROWS` frame counts physical rows, so after a gap it reaches back to
days outside the window.

"The last 3 days including today" is 2 preceding plus the current day; `'3 days' PRECEDING` is an
off-by-one. If missing days should count as 0 instead, fill the calendar with `generate_series`
and a `LEFT JOIN` first; then a `ROWS` frame is right.
''',
  rubric='''
- Uses a window average ordered by day.
- Uses a `RANGE` frame with an interval offset, so the window is in calendar days.
- Explains the difference between `ROWS` and `RANGE` when days are missing.
- Gets the window length right (2 preceding days plus the current day).
- Sorts the output by day.
''',
  hints='''
- Does `ROWS BETWEEN 2 PRECEDING` mean two days or two rows?
''',
  followups='''
- How would you treat missing days as zero revenue?

  Generate every day with `generate_series(min_day, max_day, '1 day')`, `LEFT JOIN` the revenue
  with `COALESCE(revenue, 0)`, then average over `ROWS BETWEEN 2 PRECEDING AND CURRENT ROW`.
- How would you return NULL until three days of history exist?

  Add `COUNT(*) OVER (same frame)` and return the average only when it is 3, or when the first day
  is at least two days back.
''')

# ---------------------------------------------------------------- percentiles
dataset('_latency', '', '''
CREATE TABLE requests (
  request_id integer PRIMARY KEY,
  endpoint   text    NOT NULL,
  latency_ms integer NOT NULL
);
''', {'requests': ['request_id', 'endpoint', 'latency_ms']}, {})
def pct_cont(xs, p):
    xs = sorted(xs)
    pos = p * (len(xs) - 1)
    lo = int(pos); hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)
def pcts(t):
    by = defaultdict(list)
    for r in t['requests']: by[r['endpoint']].append(r['latency_ms'])
    return ['endpoint', 'requests', 'p50_ms', 'p95_ms'], [[k, len(v), float(pct_cont(v, 0.5)), float(pct_cont(v, 0.95))] for k, v in by.items()]
RQ = lambda i, ep, ms: [i, ep, ms]
drill(id='sql-latency-percentiles', title='Latency percentiles per endpoint', difficulty='medium', time=900,
  tags=['percentiles', 'percentile-cont', 'ordered-set-aggregates'], dataset='_latency', compute=pcts,
  tests=[
    dict(data={'requests': [RQ(i, '/search', ms) for i, ms in enumerate([10, 20, 30, 40], 1)]}, note='even count: the median interpolates to 25'),
    dict(data={'requests': [RQ(i, '/a', ms) for i, ms in enumerate([5, 5, 5, 5, 1000], 1)] + [RQ(10, '/b', 7)]}, note='one slow outlier: the median ignores it, the mean would not; a single request'),
    dict(data={'requests': [RQ(i, '/x', i * 10) for i in range(1, 21)]}, note='p95 of 10..200 interpolates between the 19th and 20th values'),
    dict(hidden=True, data={'requests': []}, note='no requests'),
    dict(hidden=True, data={'requests': [RQ(i, '/y', 100) for i in range(1, 6)]}, note='all equal'),
    dict(hidden=True, data={'requests': [RQ(i, '/z', (i * 37) % 101) for i in range(1, 102)]}, note='101 values'),
    dict(hidden=True, data={'requests': [RQ(i, ['/a', '/b', '/c'][i % 3], (i * i) % 97 + 1) for i in range(1, 61)]}, note='three endpoints, 20 requests each'),
    dict(hidden=True, data={'requests': [RQ(1, '/two', 1), RQ(2, '/two', 2)]}, note='two values'),
  ],
  prompt='''
For each endpoint return `endpoint`, `requests` (count), `p50_ms` and `p95_ms`: the 50th and 95th
percentiles of `latency_ms` with linear interpolation between the two nearest values (for 10, 20,
30, 40 the median is 25), as numbers. Any row order.
''',
  starter='''
SELECT endpoint, COUNT(*) AS requests,
       AVG(latency_ms) AS p50_ms, MAX(latency_ms) AS p95_ms
FROM requests
GROUP BY endpoint;
''',
  solution='''
SELECT endpoint,
       COUNT(*) AS requests,
       percentile_cont(0.5)  WITHIN GROUP (ORDER BY latency_ms) AS p50_ms,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95_ms
FROM requests
GROUP BY endpoint;
''',
  wrong=[
    ('percentile_disc returns an actual value, without interpolation',
     'SELECT endpoint, COUNT(*) AS requests,\n       percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50_ms,\n       percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95_ms\nFROM requests\nGROUP BY endpoint;'),
    ('the mean is not the median: one outlier moves it',
     'SELECT endpoint, COUNT(*) AS requests,\n       AVG(latency_ms) AS p50_ms,\n       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95_ms\nFROM requests\nGROUP BY endpoint;'),
    ('NTILE buckets do not give percentile values: the max of the lower half is not the median',
     'WITH b AS (\n  SELECT endpoint, latency_ms, NTILE(2) OVER (PARTITION BY endpoint ORDER BY latency_ms) AS half,\n         NTILE(20) OVER (PARTITION BY endpoint ORDER BY latency_ms) AS twentieth\n  FROM requests\n)\nSELECT endpoint, COUNT(*) AS requests,\n       MAX(latency_ms) FILTER (WHERE half = 1) AS p50_ms,\n       MAX(latency_ms) FILTER (WHERE twentieth = 19) AS p95_ms\nFROM b\nGROUP BY endpoint;'),
  ],
  answer='''
Postgres has ordered-set aggregates: `percentile_cont(p) WITHIN GROUP (ORDER BY x)` interpolates
linearly between the two nearest values (position `p * (n - 1)` in the sorted list), and
`percentile_disc(p)` returns the first actual value whose cumulative share reaches `p`. For 10, 20,
30, 40 they give 25 and 20.

Latency is skewed, so report percentiles, not the mean. Percentiles do not add or average: the p95
of a whole system is not the sum or mean of per-endpoint p95s; recompute it from the raw values (or
merge sketches such as t-digest or HDR histograms).
''',
  rubric='''
- Uses `percentile_cont(...) WITHIN GROUP (ORDER BY latency_ms)` per endpoint.
- Distinguishes `percentile_cont` (interpolates) from `percentile_disc` (an actual value).
- Says the mean is a poor summary of skewed latency.
- Says percentiles cannot be averaged or summed across groups.
''',
  hints='''
- Which aggregate takes a fraction and an ordering inside `WITHIN GROUP`?
''',
  followups='''
- How would you compute p95 over a billion rows?

  Approximate: a mergeable sketch (t-digest, HDR histogram, or `approx_percentile` in warehouses)
  built per partition and merged, instead of a full sort.
- How do you get several percentiles at once?

  Pass an array: `percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY latency_ms)`
  returns an array, with one sort.
''')
