from fw import *
from collections import defaultdict, Counter
from fractions import Fraction
from zoneinfo import ZoneInfo

U = lambda uid, signup='2024-01-01', country='UK': [uid, signup, country]
E = lambda eid, uid, t, typ, props=None: [eid, uid, t, typ, props or {}]

# ---------------------------------------------------------------- sessions
def sessions(t):
    by = defaultdict(list)
    for e in t['events']: by[e['user_id']].append(e['event_time'])
    out = []
    for u, times in by.items():
        times.sort()
        n = 1 + sum(1 for a, b in zip(times, times[1:]) if (b - a) > timedelta(minutes=30))
        out.append([u, n])
    return ['user_id', 'sessions'], out

drill(id='sql-sessionise-events', title='Sessions from an event stream (30-minute gap)', difficulty='hard', time=1200,
  tags=['sessionization', 'gaps-and-islands', 'lag', 'window-functions'], dataset='product-events', compute=sessions,
  tests=[
    dict(data='sample', note='the sample stream'),
    dict(data={'app_users': [U(1)], 'events': [E(1, 1, '2024-01-01 10:00:00+00', 'view'), E(2, 1, '2024-01-01 10:30:00+00', 'view'), E(3, 1, '2024-01-01 11:00:01+00', 'view')]},
         note='a gap of exactly 30 minutes stays in the session; 30 minutes and 1 second starts a new one'),
    dict(data={'app_users': [U(1), U(2)], 'events': [E(1, 1, '2024-01-01 10:00:00+00', 'view'), E(2, 2, '2024-01-01 10:10:00+00', 'view'), E(3, 1, '2024-01-01 10:20:00+00', 'view'), E(4, 2, '2024-01-01 12:00:00+00', 'view')]},
         note='two users interleaved: gaps are per user'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(1, 1, '2024-01-01 10:00:00+00', 'view')]}, note='one event is one session'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(1, 1, '2024-01-01 10:00:00+00', 'view'), E(2, 1, '2024-01-01 10:00:00+00', 'add_to_cart'), E(3, 1, '2024-01-01 10:00:00+00', 'purchase')]}, note='events at the same instant'),
    dict(hidden=True, data={'app_users': [U(1), U(2)], 'events': [E(3, 1, '2024-01-01 12:00:00+00', 'view'), E(1, 1, '2024-01-01 09:00:00+00', 'view'), E(2, 1, '2024-01-01 09:29:00+00', 'view')]}, note='event_id order is not time order; a user without events does not appear'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(1, 1, '2024-01-01 23:50:00+00', 'view'), E(2, 1, '2024-01-02 00:10:00+00', 'view')]}, note='a session crossing midnight'),
    dict(hidden=True, data={'app_users': [U(u) for u in range(1, 5)], 'events': [E(i, (i % 4) + 1, (datetime(2024, 2, 1, 8, tzinfo=timezone.utc) + timedelta(minutes=(i * 17) % 240)).isoformat(), 'view') for i in range(1, 40)]},
         note='39 events, many gaps near 30 minutes'),
  ],
  prompt='''
A session is a run of one user's events in which each event comes at most 30 minutes after the
previous one; a gap of more than 30 minutes starts a new session. For each user with at least one
event, return `user_id` and `sessions` (how many sessions they had), in any order.
''',
  starter='''
SELECT user_id, COUNT(*) AS sessions
FROM events
GROUP BY user_id;
''',
  solution='''
WITH gaps AS (
  SELECT user_id, event_time,
         CASE
           WHEN LAG(event_time) OVER w IS NULL
             OR event_time - LAG(event_time) OVER w > INTERVAL '30 minutes'
           THEN 1 ELSE 0
         END AS starts_session
  FROM events
  WINDOW w AS (PARTITION BY user_id ORDER BY event_time)
)
SELECT user_id, SUM(starts_session) AS sessions
FROM gaps
GROUP BY user_id;
''',
  wrong=[
    ('>= 30 minutes: a gap of exactly 30 minutes wrongly starts a new session',
     "WITH gaps AS (\n  SELECT user_id,\n         CASE WHEN LAG(event_time) OVER w IS NULL\n                OR event_time - LAG(event_time) OVER w >= INTERVAL '30 minutes'\n              THEN 1 ELSE 0 END AS starts_session\n  FROM events\n  WINDOW w AS (PARTITION BY user_id ORDER BY event_time)\n)\nSELECT user_id, SUM(starts_session) AS sessions\nFROM gaps\nGROUP BY user_id;"),
    ('LAG without PARTITION BY compares with another user\'s event',
     "WITH gaps AS (\n  SELECT user_id,\n         CASE WHEN LAG(event_time) OVER w IS NULL\n                OR event_time - LAG(event_time) OVER w > INTERVAL '30 minutes'\n              THEN 1 ELSE 0 END AS starts_session\n  FROM events\n  WINDOW w AS (ORDER BY event_time)\n)\nSELECT user_id, SUM(starts_session) AS sessions\nFROM gaps\nGROUP BY user_id;"),
    ('counts the long gaps but forgets the first session',
     "WITH gaps AS (\n  SELECT user_id,\n         event_time - LAG(event_time) OVER (PARTITION BY user_id ORDER BY event_time) AS gap\n  FROM events\n)\nSELECT user_id, COUNT(*) FILTER (WHERE gap > INTERVAL '30 minutes') AS sessions\nFROM gaps\nGROUP BY user_id;"),
  ],
  answer='''
Flag the events that start a session, then count the flags. `LAG(event_time)` over each user's
events in time order gives the previous event; a row starts a session when there is no previous
event or the gap exceeds 30 minutes. The number of sessions is the sum of the flags; a running
`SUM` of the same flags would give each event a session id (the classic gaps-and-islands trick).

Get three details right: partition by user, the first event of each user starts a session, and
"more than 30 minutes" is `>`, so a gap of exactly 30 minutes continues the session.
''',
  rubric='''
- Uses `LAG` partitioned by user and ordered by time.
- Flags a session start when there is no previous event or the gap exceeds 30 minutes.
- Counts the first event of each user as a session start.
- Uses `>` for "more than 30 minutes" (exactly 30 stays in the session).
- Mentions a running sum of the flags as the way to assign session ids.
''',
  hints='''
- Mark the events that start a session; how many sessions is that per user?
- What does `LAG` return for a user's first event?
''',
  followups='''
- How would you give every event a session id?

  `SUM(starts_session) OVER (PARTITION BY user_id ORDER BY event_time ROWS UNBOUNDED PRECEDING)`
  numbers the sessions 1, 2, 3 per user.
- Then the average session length?

  Group by user and session id, take `MAX(event_time) - MIN(event_time)` per session, and average
  those; a one-event session lasts 0.
''')

# ---------------------------------------------------------------- funnel
def funnel(t):
    by = defaultdict(list)
    for e in t['events']: by[e['user_id']].append(e)
    viewed = carted = bought = 0
    for u, es in by.items():
        views = [e['event_time'] for e in es if e['event_type'] == 'view']
        if not views: continue
        viewed += 1
        fv = min(views)
        carts = [e['event_time'] for e in es if e['event_type'] == 'add_to_cart' and e['event_time'] >= fv]
        if not carts: continue
        carted += 1
        fc = min(carts)
        if any(e['event_type'] == 'purchase' and e['event_time'] >= fc for e in es):
            bought += 1
    return ['viewed', 'carted', 'purchased'], [[viewed, carted, bought]]

drill(id='sql-ordered-funnel', title='A three-step funnel in order', difficulty='medium', time=1200,
  tags=['funnel', 'product-analytics', 'aggregation'], dataset='product-events', compute=funnel,
  tests=[
    dict(data='sample', note='the sample stream'),
    dict(data={'app_users': [U(1)], 'events': [E(1, 1, '2024-01-01 10:00:00+00', 'add_to_cart'), E(2, 1, '2024-01-01 10:05:00+00', 'view'), E(3, 1, '2024-01-01 10:06:00+00', 'purchase')]},
         note='add to cart before any view does not count as step 2'),
    dict(data={'app_users': [U(1), U(2)], 'events': [E(1, 1, '2024-01-01 10:00:00+00', 'view'), E(2, 1, '2024-01-01 10:01:00+00', 'view'), E(3, 1, '2024-01-01 10:02:00+00', 'add_to_cart'), E(4, 1, '2024-01-01 10:03:00+00', 'add_to_cart'), E(5, 2, '2024-01-01 10:00:00+00', 'view')]},
         note='repeated events count a user once'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(1, 1, '2024-01-01 10:00:00+00', 'view'), E(2, 1, '2024-01-01 09:00:00+00', 'purchase'), E(3, 1, '2024-01-01 10:10:00+00', 'add_to_cart')]}, note='a purchase before the cart does not count'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(1, 1, '2024-01-01 10:00:00+00', 'view'), E(2, 1, '2024-01-01 10:00:00+00', 'add_to_cart'), E(3, 1, '2024-01-01 10:00:00+00', 'purchase')]}, note='all three at the same instant count (at or after)'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': []}, note='no events: zeros'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(1, 1, '2024-01-01 10:00:00+00', 'purchase'), E(2, 1, '2024-01-01 10:01:00+00', 'add_to_cart')]}, note='no view: nothing counts'),
    dict(hidden=True, data={'app_users': [U(u) for u in range(1, 9)], 'events': [E(i, (i % 8) + 1, (datetime(2024, 3, 1, 9, tzinfo=timezone.utc) + timedelta(minutes=(i * 13) % 120)).isoformat(), ['view', 'add_to_cart', 'purchase', 'login'][(i * 7) % 4]) for i in range(1, 50)]},
         note='49 mixed events from eight users'),
  ],
  prompt='''
Count users at each step of the funnel view → add to cart → purchase, in order: a user **viewed**
if they have a `view`; **carted** if they have an `add_to_cart` at or after their first `view`;
**purchased** if they have a `purchase` at or after their first such `add_to_cart`. Return one
row with `viewed`, `carted` and `purchased` (numbers of distinct users).
''',
  starter='''
SELECT COUNT(*) FILTER (WHERE event_type = 'view') AS viewed,
       COUNT(*) FILTER (WHERE event_type = 'add_to_cart') AS carted,
       COUNT(*) FILTER (WHERE event_type = 'purchase') AS purchased
FROM events;
''',
  solution='''
WITH first_view AS (
  SELECT user_id, MIN(event_time) AS t FROM events WHERE event_type = 'view' GROUP BY user_id
), first_cart AS (
  SELECT e.user_id, MIN(e.event_time) AS t
  FROM events AS e JOIN first_view AS v ON v.user_id = e.user_id
  WHERE e.event_type = 'add_to_cart' AND e.event_time >= v.t
  GROUP BY e.user_id
), bought AS (
  SELECT DISTINCT e.user_id
  FROM events AS e JOIN first_cart AS c ON c.user_id = e.user_id
  WHERE e.event_type = 'purchase' AND e.event_time >= c.t
)
SELECT (SELECT COUNT(*) FROM first_view) AS viewed,
       (SELECT COUNT(*) FROM first_cart) AS carted,
       (SELECT COUNT(*) FROM bought) AS purchased;
''',
  wrong=[
    ('ignores the order of the steps: counts users who ever did each thing',
     "SELECT COUNT(DISTINCT user_id) FILTER (WHERE event_type = 'view') AS viewed,\n       COUNT(DISTINCT user_id) FILTER (WHERE event_type = 'add_to_cart') AS carted,\n       COUNT(DISTINCT user_id) FILTER (WHERE event_type = 'purchase') AS purchased\nFROM events;"),
    ('counts events instead of distinct users',
     "WITH first_view AS (\n  SELECT user_id, MIN(event_time) AS t FROM events WHERE event_type = 'view' GROUP BY user_id\n), carts AS (\n  SELECT e.user_id, e.event_time AS t\n  FROM events AS e JOIN first_view AS v ON v.user_id = e.user_id\n  WHERE e.event_type = 'add_to_cart' AND e.event_time >= v.t\n), buys AS (\n  SELECT e.user_id FROM events AS e\n  JOIN (SELECT user_id, MIN(t) AS t FROM carts GROUP BY user_id) AS c ON c.user_id = e.user_id\n  WHERE e.event_type = 'purchase' AND e.event_time >= c.t\n)\nSELECT (SELECT COUNT(*) FROM first_view) AS viewed,\n       (SELECT COUNT(*) FROM carts) AS carted,\n       (SELECT COUNT(*) FROM buys) AS purchased;"),
    ('checks the purchase against the first view, not against the cart',
     "WITH first_view AS (\n  SELECT user_id, MIN(event_time) AS t FROM events WHERE event_type = 'view' GROUP BY user_id\n)\nSELECT COUNT(*) AS viewed,\n       COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM events e WHERE e.user_id = v.user_id AND e.event_type = 'add_to_cart' AND e.event_time >= v.t)) AS carted,\n       COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM events e WHERE e.user_id = v.user_id AND e.event_type = 'purchase' AND e.event_time >= v.t)) AS purchased\nFROM first_view AS v;"),
  ],
  answer='''
Anchor each step on the time of the step before it: the first view per user, then the first
add-to-cart at or after it, then any purchase at or after that cart. Each CTE holds one row per
user who reached the step, so the counts are distinct users and are non-increasing down the
funnel by construction.

The common shortcut, counting users who ever had each event type, ignores order (a purchase
before the cart would count) and can even make a later step larger than an earlier one.
Counting events instead of users inflates every step for users who repeat an action.
''',
  rubric='''
- Finds each user's first view, then the first cart at or after it.
- Checks the purchase against the cart time, not the view time.
- Counts distinct users, not events.
- Says why an unordered count (users who ever did X) overstates later steps.
''',
  hints='''
- Build one step at a time: which users viewed, and when first?
''',
  followups='''
- How would you add a time limit, say a purchase within 24 hours of the cart?

  Add `AND e.event_time < c.t + INTERVAL '24 hours'` to the purchase step.
- Conversion rates between steps?

  Divide each step by the previous one as numeric: `carted::numeric / NULLIF(viewed, 0)`.
''')

# ---------------------------------------------------------------- retention
def retention(t):
    cohort = defaultdict(set)
    for u in t['app_users']:
        cohort[u['signup_date'].replace(day=1)].add(u['user_id'])
    login_months = defaultdict(set)
    for e in t['events']:
        if e['event_type'] == 'login':
            dt = e['event_time'].astimezone(timezone.utc)
            login_months[e['user_id']].add(date(dt.year, dt.month, 1))
    out = []
    for m in sorted(cohort):
        nxt = (m + timedelta(days=32)).replace(day=1)
        users = cohort[m]
        ret = sum(1 for u in users if nxt in login_months[u])
        out.append([m, len(users), ret, float(Fraction(ret, len(users)))])
    return ['cohort_month', 'users', 'retained', 'retention'], out

drill(id='sql-month-one-retention', title='Month-1 retention by signup cohort', difficulty='hard', time=1500,
  tags=['retention', 'cohorts', 'left-join', 'integer-division', 'dates'], dataset='product-events', ordered=True, compute=retention,
  tests=[
    dict(data='sample', note='the sample users'),
    dict(data={'app_users': [U(1, '2024-01-31'), U(2, '2024-01-01')], 'events': [E(1, 1, '2024-02-01 00:00:00+00', 'login'), E(2, 2, '2024-01-31 23:59:59+00', 'login')]},
         note='calendar months: a login on 1 February counts for a January signup; 31 January does not'),
    dict(data={'app_users': [U(1, '2024-01-10'), U(2, '2024-02-10')], 'events': [E(1, 1, '2024-03-05 10:00:00+00', 'login'), E(2, 2, '2024-02-11 10:00:00+00', 'view')]},
         note='a cohort with nobody retained still appears with 0; only logins count'),
    dict(hidden=True, data={'app_users': [U(1, '2024-03-01'), U(2, '2024-03-15'), U(3, '2024-03-31')], 'events': [E(1, 1, '2024-04-01 08:00:00+00', 'login'), E(2, 1, '2024-04-02 08:00:00+00', 'login'), E(3, 1, '2024-04-03 08:00:00+00', 'login'), E(4, 3, '2024-04-30 23:00:00+00', 'login')]},
         note='several logins count a user once; 2 of 3 retained'),
    dict(hidden=True, data={'app_users': [U(1, '2023-12-05'), U(2, '2023-12-20')], 'events': [E(1, 1, '2024-01-15 08:00:00+00', 'login')]}, note='December cohort, retained in January of the next year'),
    dict(hidden=True, data={'app_users': [U(1, '2024-05-05')], 'events': []}, note='one user, no events'),
    dict(hidden=True, data={'app_users': [U(1, '2024-01-05')], 'events': [E(1, 1, '2024-03-01 08:00:00+00', 'login')]}, note='a login two months later does not count'),
    dict(hidden=True, data={'app_users': [U(u, f'2024-{(u % 3) + 1:02d}-{(u * 5) % 28 + 1:02d}') for u in range(1, 16)],
         'events': [E(i, (i % 15) + 1, f'2024-{(i % 4) + 1:02d}-{(i * 3) % 28 + 1:02d} 12:00:00+00', ['login', 'view'][i % 2]) for i in range(1, 60)]},
         note='fifteen users in three cohorts'),
  ],
  prompt='''
Group users into cohorts by the calendar month of `signup_date`. A user is **retained** if they
have a `login` event in the calendar month right after their signup month (event times are UTC).
For each cohort return `cohort_month` (first day of the month, as a `date`), `users` (cohort size),
`retained` and `retention` (retained / users as a fraction, not rounded). Every cohort appears, even
with nobody retained. Sort by `cohort_month` (row order matters).
''',
  starter='''
SELECT date_trunc('month', signup_date)::date AS cohort_month,
       COUNT(*) AS users, 0 AS retained, 0 AS retention
FROM app_users
GROUP BY 1
ORDER BY 1;
''',
  solution='''
WITH cohort AS (
  SELECT user_id, date_trunc('month', signup_date)::date AS cohort_month
  FROM app_users
), retained AS (
  SELECT DISTINCT c.user_id
  FROM cohort AS c
  JOIN events AS e
    ON e.user_id = c.user_id
   AND e.event_type = 'login'
   AND e.event_time >= c.cohort_month + INTERVAL '1 month'
   AND e.event_time <  c.cohort_month + INTERVAL '2 months'
)
SELECT c.cohort_month,
       COUNT(*) AS users,
       COUNT(r.user_id) AS retained,
       COUNT(r.user_id)::numeric / COUNT(*) AS retention
FROM cohort AS c
LEFT JOIN retained AS r ON r.user_id = c.user_id
GROUP BY c.cohort_month
ORDER BY c.cohort_month;
''',
  wrong=[
    ('integer division: the retention is 0 unless everyone came back',
     "WITH cohort AS (\n  SELECT user_id, date_trunc('month', signup_date)::date AS cohort_month FROM app_users\n), retained AS (\n  SELECT DISTINCT c.user_id FROM cohort AS c\n  JOIN events AS e ON e.user_id = c.user_id AND e.event_type = 'login'\n   AND e.event_time >= c.cohort_month + INTERVAL '1 month'\n   AND e.event_time < c.cohort_month + INTERVAL '2 months'\n)\nSELECT c.cohort_month, COUNT(*) AS users, COUNT(r.user_id) AS retained,\n       COUNT(r.user_id) / COUNT(*) AS retention\nFROM cohort AS c LEFT JOIN retained AS r ON r.user_id = c.user_id\nGROUP BY c.cohort_month ORDER BY c.cohort_month;"),
    ('joins events directly and counts rows: a user with three logins is retained three times',
     "SELECT date_trunc('month', u.signup_date)::date AS cohort_month,\n       COUNT(DISTINCT u.user_id) AS users,\n       COUNT(e.event_id) AS retained,\n       COUNT(e.event_id)::numeric / COUNT(DISTINCT u.user_id) AS retention\nFROM app_users AS u\nLEFT JOIN events AS e\n  ON e.user_id = u.user_id AND e.event_type = 'login'\n AND e.event_time >= date_trunc('month', u.signup_date) + INTERVAL '1 month'\n AND e.event_time < date_trunc('month', u.signup_date) + INTERVAL '2 months'\nGROUP BY 1 ORDER BY 1;"),
    ('a 30-day window after signup instead of the next calendar month',
     "WITH retained AS (\n  SELECT DISTINCT u.user_id FROM app_users AS u\n  JOIN events AS e ON e.user_id = u.user_id AND e.event_type = 'login'\n   AND e.event_time > u.signup_date AND e.event_time <= u.signup_date + 30\n)\nSELECT date_trunc('month', u.signup_date)::date AS cohort_month, COUNT(*) AS users,\n       COUNT(r.user_id) AS retained, COUNT(r.user_id)::numeric / COUNT(*) AS retention\nFROM app_users AS u LEFT JOIN retained AS r ON r.user_id = u.user_id\nGROUP BY 1 ORDER BY 1;"),
    ('an inner join to the retained users drops cohorts where nobody came back',
     "WITH cohort AS (\n  SELECT user_id, date_trunc('month', signup_date)::date AS cohort_month FROM app_users\n), retained AS (\n  SELECT DISTINCT c.user_id, c.cohort_month FROM cohort AS c\n  JOIN events AS e ON e.user_id = c.user_id AND e.event_type = 'login'\n   AND e.event_time >= c.cohort_month + INTERVAL '1 month'\n   AND e.event_time < c.cohort_month + INTERVAL '2 months'\n)\nSELECT r.cohort_month, s.users, COUNT(*) AS retained, COUNT(*)::numeric / s.users AS retention\nFROM retained AS r\nJOIN (SELECT cohort_month, COUNT(*) AS users FROM cohort GROUP BY 1) AS s USING (cohort_month)\nGROUP BY r.cohort_month, s.users ORDER BY 1;"),
  ],
  answer='''
Three steps: assign each user a cohort (`date_trunc('month', signup_date)::date`), find the
distinct users with a login in `[cohort + 1 month, cohort + 2 months)`, and `LEFT JOIN` that set
to the cohort so every user is counted once in the denominator and at most once in the numerator.

The traps: joining raw events and counting rows counts a user once per login (double counting);
an inner join drops cohorts with zero retention; a "30 days after signup" window is not "the next
calendar month" (a 31 January signup would be judged on February and early March); and
`COUNT / COUNT` is integer division in Postgres. Half-open ranges (`>=` start, `<` end) get the
first and last instant of the month right.
''',
  rubric='''
- Defines cohorts by signup month and the retention window as the next calendar month.
- Uses a half-open time range (`>=` start, `<` end of the month).
- Counts each retained user once (DISTINCT or EXISTS), not once per event.
- Keeps cohorts with zero retained users (outer join or conditional count).
- Casts before dividing so the rate is a fraction.
- Sorts by cohort month.
''',
  hints='''
- Build the set of retained users first, one row per user.
- What does `COUNT(r.user_id)` give for a user with no match in a LEFT JOIN?
''',
  followups='''
- How would you produce a full retention triangle (months 1 to 6)?

  Compute each user's active months as a month offset from the cohort (`(year diff) * 12 + month
  diff`), count distinct users per cohort and offset, and divide by the cohort size.
- Which time zone should define a month?

  The business's reporting zone: convert with `event_time AT TIME ZONE 'Europe/London'` before
  truncating, or users near midnight land in the wrong month.
''')
