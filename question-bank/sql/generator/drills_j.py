from fw import *
from collections import defaultdict, Counter
from fractions import Fraction
from drills_c import U, E
from drills_e import Em

# ---------------------------------------------------------------- management chain path
def chain(t):
    by = {e['emp_id']: e for e in t['employees']}
    out = []
    for e in t['employees']:
        names = []; cur = e; depth = 0
        while cur is not None:
            names.append(cur['name'])
            cur = by.get(cur['manager_id']) if cur['manager_id'] is not None else None
        out.append([e['emp_id'], len(names) - 1, ' > '.join(reversed(names))])
    return ['emp_id', 'depth', 'chain'], out

drill(id='sql-management-chain', title='Management chain of every employee', difficulty='medium', time=1200,
  tags=['recursive-cte', 'hierarchy', 'string-agg'], dataset='staff', compute=chain,
  tests=[
    dict(data='sample', note='the sample staff'),
    dict(data={'employees': [Em(1, 'a', None, 1, 'Ann'), Em(2, 'a', 1, 1, 'Bo'), Em(3, 'a', 2, 1, 'Cy')]}, note='a chain of three: depths 0, 1, 2'),
    dict(data={'employees': [Em(1, 'a', None, 1, 'Ann'), Em(2, 'b', None, 1, 'Bea'), Em(3, 'b', 2, 1, 'Col')]}, note='two people at the top'),
    dict(hidden=True, data={'employees': [Em(1, 'a', None, 1, 'Solo')]}, note='one person'),
    dict(hidden=True, data={'employees': [Em(5, 'a', 9, 1, 'Low'), Em(9, 'a', 7, 1, 'Mid'), Em(7, 'a', None, 1, 'Top')]}, note='ids not in hierarchy order'),
    dict(hidden=True, data={'employees': [Em(i, 'a', None if i == 1 else i - 1, 1, f'P{i}') for i in range(1, 9)]}, note='a chain of eight'),
    dict(hidden=True, data={'employees': [Em(1, 'a', None, 1, 'Ann'), Em(2, 'a', 1, 1, 'Ann'), Em(3, 'a', 2, 1, 'Ann')]}, note='repeated names'),
    dict(hidden=True, data={'employees': [Em(i, 'a', None if i == 1 else i // 3 + (1 if i % 3 == 0 else 0) or 1, 1, f'E{i}') for i in range(1, 13)]}, note='a wide tree of twelve'),
  ],
  prompt='''
For every employee return `emp_id`, `depth` (0 for someone with no manager, 1 for their direct
reports, and so on) and `chain`: the names from the top of their tree down to the employee, joined
with `' > '` (for example `'Ines > Jon > Kai'`). Any row order.
''',
  starter='''
SELECT e.emp_id, 1 AS depth, m.name || ' > ' || e.name AS chain
FROM employees AS e
LEFT JOIN employees AS m ON m.emp_id = e.manager_id;
''',
  solution='''
WITH RECURSIVE tree (emp_id, depth, chain) AS (
  SELECT emp_id, 0, name
  FROM employees
  WHERE manager_id IS NULL
  UNION ALL
  SELECT e.emp_id, t.depth + 1, t.chain || ' > ' || e.name
  FROM tree AS t
  JOIN employees AS e ON e.manager_id = t.emp_id
)
SELECT emp_id, depth, chain
FROM tree;
''',
  wrong=[
    ('one self-join reaches only the direct manager',
     "SELECT e.emp_id, CASE WHEN m.emp_id IS NULL THEN 0 ELSE 1 END AS depth,\n       COALESCE(m.name || ' > ', '') || e.name AS chain\nFROM employees AS e\nLEFT JOIN employees AS m ON m.emp_id = e.manager_id;"),
    ('names appended on the wrong side: the chain reads bottom-up',
     "WITH RECURSIVE tree (emp_id, depth, chain) AS (\n  SELECT emp_id, 0, name FROM employees WHERE manager_id IS NULL\n  UNION ALL\n  SELECT e.emp_id, t.depth + 1, e.name || ' > ' || t.chain\n  FROM tree AS t JOIN employees AS e ON e.manager_id = t.emp_id\n)\nSELECT emp_id, depth, chain FROM tree;"),
    ('the anchor starts from every employee, so each one also appears as a tree top',
     "WITH RECURSIVE tree (emp_id, depth, chain) AS (\n  SELECT emp_id, 0, name FROM employees\n  UNION ALL\n  SELECT e.emp_id, t.depth + 1, t.chain || ' > ' || e.name\n  FROM tree AS t JOIN employees AS e ON e.manager_id = t.emp_id\n)\nSELECT emp_id, depth, chain FROM tree;"),
  ],
  answer='''
Walk down from the roots: the anchor selects people without a manager (depth 0, chain = own name);
the recursive step joins each row's direct reports, adding 1 to the depth and appending
`' > ' || name`. Each employee is reached once, by the path from their root, so every row is final.

Starting the anchor from every employee creates extra partial chains; appending on the left reverses
the chain. A plain self-join handles one level only, which is why hierarchies of unknown depth need
recursion (or a stored path such as `ltree`).
''',
  rubric='''
- Anchors the recursion on employees without a manager, at depth 0.
- Joins direct reports in the recursive step, adding 1 to the depth.
- Builds the chain top-down by appending the employee's name.
- Explains why a fixed number of self-joins cannot handle arbitrary depth.
''',
  hints='''
- Which rows can you write down without recursion?
''',
  followups='''
- How would you stop a bad row (someone managing their own manager) from looping forever?

  Carry an array of visited ids and skip an employee already in it (`WHERE NOT e.emp_id = ANY(path)`), or use Postgres 14's `CYCLE` clause.
- How would you list everyone under one manager?

  Anchor on that manager instead of the roots; the recursion then returns exactly their subtree.
''')

# ---------------------------------------------------------------- purchase within 7 days of signup
def within7(t):
    out = []
    for u in t['app_users']:
        start = datetime(u['signup_date'].year, u['signup_date'].month, u['signup_date'].day, tzinfo=timezone.utc)
        end = start + timedelta(days=7)
        ok = any(e['user_id'] == u['user_id'] and e['event_type'] == 'purchase' and start <= e['event_time'] < end for e in t['events'])
        out.append([u['user_id'], ok])
    return ['user_id', 'converted_7d'], out

drill(id='sql-converted-within-seven-days', title='Purchased within 7 days of signup', difficulty='easy', time=600,
  tags=['dates', 'boundaries', 'exists', 'booleans'], dataset='product-events', compute=within7,
  tests=[
    dict(data='sample', note='the sample users'),
    dict(data={'app_users': [U(1, '2024-03-01'), U(2, '2024-03-01')], 'events': [E(1, 1, '2024-03-07 23:59:59+00', 'purchase'), E(2, 2, '2024-03-08 00:00:00+00', 'purchase')]},
         note='the seventh day ends at midnight: 7 March 23:59:59 counts, 8 March 00:00 does not'),
    dict(data={'app_users': [U(1, '2024-03-01'), U(2, '2024-03-01')], 'events': [E(1, 1, '2024-03-01 00:00:00+00', 'purchase'), E(2, 2, '2024-03-02 10:00:00+00', 'view')]},
         note='a purchase at the signup instant counts; other events do not; every user appears'),
    dict(hidden=True, data={'app_users': [U(1, '2024-02-25')], 'events': [E(1, 1, '2024-03-02 23:00:00+00', 'purchase')]}, note='the window crosses the leap day'),
    dict(hidden=True, data={'app_users': [U(1, '2024-03-10')], 'events': [E(1, 1, '2024-03-09 23:59:59+00', 'purchase')]}, note='a purchase the day before signup does not count'),
    dict(hidden=True, data={'app_users': [U(1, '2024-03-10')], 'events': [E(i, 1, f'2024-03-{10 + i:02d} 12:00:00+00', 'purchase') for i in range(1, 5)]}, note='several purchases: one TRUE row'),
    dict(hidden=True, data={'app_users': [U(1, '2024-12-28')], 'events': [E(1, 1, '2025-01-03 18:00:00+00', 'purchase')]}, note='across a year end'),
    dict(hidden=True, data={'app_users': [U(u, f'2024-04-{u:02d}') for u in range(1, 11)], 'events': [E(i, (i % 10) + 1, (datetime(2024, 4, 1, tzinfo=timezone.utc) + timedelta(hours=13 * i)).isoformat(), ['purchase', 'view'][i % 2]) for i in range(1, 40)]}, note='ten users, 39 events'),
  ],
  prompt='''
For every user return `user_id` and `converted_7d`: TRUE if they have a `purchase` event within
their first 7 days, that is from midnight UTC at the start of `signup_date` up to, but not
including, midnight at the start of the 8th day; otherwise FALSE. Any row order.
''',
  starter='''
SELECT user_id, FALSE AS converted_7d
FROM app_users;
''',
  solution='''
SELECT u.user_id,
       EXISTS (
         SELECT 1 FROM events AS e
         WHERE e.user_id = u.user_id
           AND e.event_type = 'purchase'
           AND e.event_time >= u.signup_date
           AND e.event_time <  u.signup_date + 7
       ) AS converted_7d
FROM app_users AS u;
''',
  wrong=[
    ('BETWEEN signup_date and signup_date + 7 includes midnight at the start of the 8th day',
     "SELECT u.user_id,\n       EXISTS (SELECT 1 FROM events AS e WHERE e.user_id = u.user_id AND e.event_type = 'purchase'\n               AND e.event_time BETWEEN u.signup_date AND u.signup_date + 7) AS converted_7d\nFROM app_users AS u;"),
    ('+ 6 days cuts off the whole seventh day',
     "SELECT u.user_id,\n       EXISTS (SELECT 1 FROM events AS e WHERE e.user_id = u.user_id AND e.event_type = 'purchase'\n               AND e.event_time >= u.signup_date AND e.event_time <= u.signup_date + 6) AS converted_7d\nFROM app_users AS u;"),
    ('an inner join returns only converted users, once per purchase',
     "SELECT u.user_id, TRUE AS converted_7d\nFROM app_users AS u\nJOIN events AS e ON e.user_id = u.user_id AND e.event_type = 'purchase'\n AND e.event_time >= u.signup_date AND e.event_time < u.signup_date + 7;"),
  ],
  answer='''
Use a half-open window on the timestamp: `event_time >= signup_date AND event_time < signup_date +
7`. Adding an integer to a `date` adds days; comparing a `date` with a `timestamptz` converts the
date to midnight in the session time zone (UTC here). `EXISTS` gives one boolean per user, so every
user appears and several purchases count once.

Off-by-one errors hide at both ends: `BETWEEN` includes the instant at the start of the 8th day,
and `<= signup_date + 6` stops at the start of the 7th day, losing it entirely.
''',
  rubric='''
- Uses a half-open window `[signup_date, signup_date + 7 days)`.
- Explains the `BETWEEN` and `+ 6` off-by-one errors.
- Returns one row per user, converted or not (EXISTS or a LEFT JOIN with aggregation).
- Filters to purchase events.
''',
  hints='''
- Which instant does `signup_date + 7` denote, and should it be inside the window?
''',
  followups='''
- How would you report the 7-day conversion rate per signup week?

  Group the same boolean by `date_trunc('week', signup_date)` and average `converted_7d::int`; leave out cohorts younger than 7 days, whose window is not complete.
- Why do the window bounds depend on the session time zone here?

  A date compared with a timestamptz becomes midnight in the session's TimeZone; for a local-day definition, build the bound explicitly with `(signup_date::timestamp AT TIME ZONE 'Europe/Paris')`.
''')

# ---------------------------------------------------------------- rolling 7-day active users
def rolling(t):
    days = defaultdict(set)
    for e in t['events']:
        days[e['event_time'].astimezone(timezone.utc).date()].add(e['user_id'])
    out = []
    for dd in sorted(days):
        users = set()
        for k in range(7):
            users |= days.get(dd - timedelta(days=k), set())
        out.append([dd, len(users)])
    return ['day', 'active_7d'], out

drill(id='sql-rolling-seven-day-active-users', title='Rolling 7-day active users', difficulty='hard', time=1500,
  tags=['count-distinct', 'rolling-window', 'self-join', 'dates'], dataset='product-events', ordered=True, compute=rolling,
  tests=[
    dict(data='sample', note='the sample stream'),
    dict(data={'app_users': [U(1), U(2)], 'events': [E(1, 1, '2024-03-01 10:00:00+00', 'login'), E(2, 1, '2024-03-03 10:00:00+00', 'login'), E(3, 2, '2024-03-03 11:00:00+00', 'login')]},
         note='a user active on two days of the window counts once'),
    dict(data={'app_users': [U(1), U(2)], 'events': [E(1, 2, '2024-03-01 10:00:00+00', 'login'), E(2, 1, '2024-03-07 10:00:00+00', 'login'), E(3, 1, '2024-03-08 10:00:00+00', 'login')]},
         note='the window is the day and the 6 before it: user 2 (1 March) drops out on 8 March'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': []}, note='no events'),
    dict(hidden=True, data={'app_users': [U(1), U(2), U(3)], 'events': [E(1, 1, '2024-03-01 00:00:00+00', 'view'), E(2, 2, '2024-03-10 23:59:59+00', 'view'), E(3, 3, '2024-03-16 00:00:00+00', 'view')]}, note='days with no events do not appear; boundaries of the window'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(i, 1, f'2024-02-{20 + i:02d} 09:00:00+00', 'login') for i in range(1, 10)]}, note='one user every day across the leap day'),
    dict(hidden=True, data={'app_users': [U(u) for u in range(1, 9)], 'events': [E(i, (i * 3) % 8 + 1, (datetime(2024, 5, 1, tzinfo=timezone.utc) + timedelta(hours=(i * 19) % 500)).isoformat(), 'view') for i in range(1, 60)]}, note='eight users over three weeks'),
    dict(hidden=True, data={'app_users': [U(1), U(2)], 'events': [E(1, 1, '2024-06-01 10:00:00+00', 'view'), E(2, 1, '2024-06-01 11:00:00+00', 'view'), E(3, 2, '2024-06-01 12:00:00+00', 'view')]}, note='several events of one user on one day'),
  ],
  prompt='''
For each UTC calendar day that has events, return `day` (a `date`) and `active_7d`: the number of
distinct users with at least one event in the 7 days ending on that day (the day itself and the 6
before it). Sort by `day` (row order matters).
''',
  starter='''
SELECT event_time::date AS day, COUNT(DISTINCT user_id) AS active_7d
FROM events
GROUP BY 1
ORDER BY 1;
''',
  solution='''
WITH daily AS (
  SELECT DISTINCT (event_time AT TIME ZONE 'UTC')::date AS day, user_id
  FROM events
), days AS (
  SELECT DISTINCT day FROM daily
)
SELECT d.day, COUNT(DISTINCT a.user_id) AS active_7d
FROM days AS d
JOIN daily AS a ON a.day > d.day - 7 AND a.day <= d.day
GROUP BY d.day
ORDER BY d.day;
''',
  wrong=[
    ('sums daily distinct counts over the window: a user active on several days counts several times',
     "WITH per_day AS (\n  SELECT (event_time AT TIME ZONE 'UTC')::date AS day, COUNT(DISTINCT user_id) AS n FROM events GROUP BY 1\n)\nSELECT day, SUM(n) OVER (ORDER BY day RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW) AS active_7d\nFROM per_day\nORDER BY day;"),
    ('an 8-day window: >= day - 7 includes one day too many',
     "WITH daily AS (\n  SELECT DISTINCT (event_time AT TIME ZONE 'UTC')::date AS day, user_id FROM events\n)\nSELECT d.day, COUNT(DISTINCT a.user_id) AS active_7d\nFROM (SELECT DISTINCT day FROM daily) AS d\nJOIN daily AS a ON a.day >= d.day - 7 AND a.day <= d.day\nGROUP BY d.day ORDER BY d.day;"),
    ('a window of 7 rows of (day, user) pairs instead of 7 days',
     "WITH daily AS (\n  SELECT DISTINCT (event_time AT TIME ZONE 'UTC')::date AS day, user_id FROM events\n)\nSELECT day, MAX(n) AS active_7d FROM (\n  SELECT day, COUNT(*) OVER (ORDER BY day, user_id ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS n FROM daily\n) AS w\nGROUP BY day ORDER BY day;"),
  ],
  answer='''
Postgres does not allow `COUNT(DISTINCT ...)` as a window function, and distinct counts do not add
up across days, so a rolling distinct count needs a join: reduce events to distinct (day, user)
pairs, then join each reporting day to the pairs in `(day - 7, day]` and count distinct users per
day.

The join costs about (days × pairs per window), which is fine for a dashboard over months; at large
scale, keep one HyperLogLog sketch per day and merge the last 7 (sketches merge, counts do not).
The classic slips are summing daily actives (double counting) and an 8-day window from `>= day - 7`.
''',
  rubric='''
- Reduces events to distinct (day, user) pairs first.
- Joins each day to the pairs of the 7-day window and counts distinct users.
- Says `COUNT(DISTINCT)` is not available as a window function.
- Says daily distinct counts cannot be summed over the window.
- Gets the window right: the day and the 6 before it.
- Mentions sketches (HyperLogLog) for scale.
''',
  hints='''
- Why is the sum of the last 7 daily active counts too large?
- Join the days to the activity instead of using a window function.
''',
  followups='''
- How would you include days without any events?

  Generate the calendar with `generate_series` and `LEFT JOIN` the window's pairs, with `COUNT(DISTINCT a.user_id)` giving 0.
- What is the DAU/MAU ratio and what does it tell you?

  Daily actives divided by 30-day actives: the share of monthly users who come back on a given day, a measure of stickiness.
''')
