from fw import *
from collections import defaultdict, Counter
from fractions import Fraction
from zoneinfo import ZoneInfo
from drills_c import U, E

# ---------------------------------------------------------------- JSON
def json_rev(t):
    n = Counter(); rev = defaultdict(Decimal)
    for e in t['events']:
        if e['event_type'] != 'purchase': continue
        cur = e['properties'].get('currency')
        k = cur if cur is not None else 'unknown'
        n[k] += 1
        a = e['properties'].get('amount')
        if a is not None: rev[k] += Decimal(str(a))
    return ['currency', 'purchases', 'revenue'], [[k, n[k], float(rev[k]) if k in rev else None] for k in n]

P = lambda eid, uid, props, t='2024-01-01 10:00:00+00': E(eid, uid, t, 'purchase', props)
drill(id='sql-json-purchase-revenue', title='Revenue by currency from JSON properties', difficulty='medium', time=900,
  tags=['json', 'jsonb', 'coalesce', 'group-by'], dataset='product-events', compute=json_rev,
  tests=[
    dict(data='sample', note='the sample stream'),
    dict(data={'app_users': [U(1)], 'events': [P(1, 1, {'amount': 9.99, 'currency': 'EUR'}), P(2, 1, {'amount': 0.01, 'currency': 'EUR'}), P(3, 1, {'amount': 5})]},
         note='decimals must not be truncated; a purchase without currency goes to unknown'),
    dict(data={'app_users': [U(1)], 'events': [P(1, 1, {'currency': 'GBP'}), P(2, 1, {'amount': 3, 'currency': 'GBP'}), E(3, 1, '2024-01-01 11:00:00+00', 'view', {'amount': 100, 'currency': 'GBP'})]},
         note='a purchase without amount is counted but adds nothing; other event types are ignored'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [P(1, 1, {'currency': 'USD'})]}, note='no amounts at all: revenue is NULL'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(1, 1, '2024-01-01 10:00:00+00', 'login')]}, note='no purchases: no rows'),
    dict(hidden=True, data={'app_users': [U(1), U(2)], 'events': [P(i, (i % 2) + 1, {'amount': round(i * 1.37, 2), 'currency': ['EUR', 'GBP', None][i % 3]} if i % 3 else {'amount': round(i * 1.37, 2)}) for i in range(1, 20)]},
         note='nineteen purchases: some without a currency key, some with a JSON null currency (both unknown)'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [P(1, 1, {'amount': 0.5, 'currency': 'JPY'}), P(2, 1, {'amount': 0.49, 'currency': 'JPY'})]}, note='amounts below 1'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [P(1, 1, {'amount': 2, 'currency': 'EUR', 'coupon': {'code': 'X', 'pct': 10}}), P(2, 1, {'amount': 1.5, 'currency': 'eur'})]}, note='nested keys are ignored; currency codes compare exactly'),
  ],
  prompt='''
Purchase events carry JSON `properties` such as `{"amount": 20.0, "currency": "GBP"}`; either key
may be missing. For each currency, return `currency` (the text of the `currency` key, or
`'unknown'` when the key is missing or its value is JSON `null`), `purchases` (number of purchase
events) and `revenue` (the sum of `amount` as a number, ignoring purchases without an amount; NULL
if none has one), in any order. Only `purchase` events count.
''',
  starter='''
SELECT properties->>'currency' AS currency, COUNT(*) AS purchases, 0 AS revenue
FROM events
GROUP BY 1;
''',
  solution='''
SELECT COALESCE(properties->>'currency', 'unknown') AS currency,
       COUNT(*) AS purchases,
       SUM((properties->>'amount')::numeric) AS revenue
FROM events
WHERE event_type = 'purchase'
GROUP BY 1;
''',
  wrong=[
    ('no COALESCE: missing currencies form a NULL group instead of unknown',
     "SELECT properties->>'currency' AS currency, COUNT(*) AS purchases,\n       SUM((properties->>'amount')::numeric) AS revenue\nFROM events\nWHERE event_type = 'purchase'\nGROUP BY 1;"),
    ('casting the amount to integer rounds every decimal amount',
     "SELECT COALESCE(properties->>'currency', 'unknown') AS currency, COUNT(*) AS purchases,\n       SUM((properties->>'amount')::numeric::int) AS revenue\nFROM events\nWHERE event_type = 'purchase'\nGROUP BY 1;"),
    ('counts only purchases that have an amount',
     "SELECT COALESCE(properties->>'currency', 'unknown') AS currency,\n       COUNT(properties->>'amount') AS purchases,\n       SUM((properties->>'amount')::numeric) AS revenue\nFROM events\nWHERE event_type = 'purchase'\nGROUP BY 1;"),
    ('no event_type filter: amounts on other events are added',
     "SELECT COALESCE(properties->>'currency', 'unknown') AS currency, COUNT(*) AS purchases,\n       SUM((properties->>'amount')::numeric) AS revenue\nFROM events\nWHERE properties ? 'currency' OR properties ? 'amount'\nGROUP BY 1;"),
  ],
  answer='''
`properties->>'key'` extracts a value as `text` (NULL when the key is missing or holds JSON
`null`); `->` keeps it as `jsonb`. So `COALESCE(properties->>'currency', 'unknown')` names the group, and
`(properties->>'amount')::numeric` turns the amount into a number that `SUM` adds exactly; `SUM`
skips NULLs and returns NULL when every input is NULL.

Cast to `numeric` (or `double precision`), never `int`: `'9.99'::numeric::int` is 10. Keep the
`event_type` filter, since other events may carry the same keys. For heavy use, a GIN index on
`properties`, or an expression index on `(properties->>'currency')`, makes the filter fast.
''',
  rubric='''
- Uses `->>` to get text and casts the amount to numeric.
- Maps a missing currency to `'unknown'` with `COALESCE`.
- Filters to purchase events.
- Counts purchases with `COUNT(*)`, not a count of the amount.
- Says `SUM` ignores NULLs and returns NULL when all are NULL.
''',
  hints='''
- What is the difference between `->` and `->>`?
''',
  followups='''
- How would you read a nested value such as the coupon percentage?

  `properties #>> '{coupon,pct}'` or `properties->'coupon'->>'pct'`, then cast.
- How do you find purchases whose properties contain `{"currency": "GBP"}`, using an index?

  The containment operator `properties @> '{"currency": "GBP"}'`, which a GIN index on
  `properties` (`jsonb_path_ops`) serves.
''')

# ---------------------------------------------------------------- DAU in New York
NY = ZoneInfo('America/New_York')
def dau(t):
    days = defaultdict(set)
    for e in t['events']:
        days[e['event_time'].astimezone(NY).date()].add(e['user_id'])
    return ['day', 'active_users'], [[k, len(v)] for k, v in sorted(days.items())]

drill(id='sql-daily-active-users-time-zone', title='Daily active users in a local time zone', difficulty='medium', time=900,
  tags=['time-zones', 'timestamptz', 'count-distinct', 'dates'], dataset='product-events', ordered=True, compute=dau,
  tests=[
    dict(data='sample', note='the sample stream'),
    dict(data={'app_users': [U(1)], 'events': [E(1, 1, '2024-01-11 03:00:00+00', 'login'), E(2, 1, '2024-01-11 06:00:00+00', 'login')]},
         note='03:00 UTC on 11 January is still 10 January in New York (UTC-5 in winter)'),
    dict(data={'app_users': [U(1), U(2)], 'events': [E(1, 1, '2024-07-01 14:00:00+00', 'view'), E(2, 1, '2024-07-01 15:00:00+00', 'view'), E(3, 2, '2024-07-02 04:30:00+00', 'view')]},
         note='summer time (UTC-4): 04:30 UTC is already 2 July in New York; a user active twice in a day counts once'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(1, 1, '2024-03-10 06:30:00+00', 'login'), E(2, 1, '2024-03-10 07:30:00+00', 'login')]}, note='the night clocks go forward: 06:30 UTC is 01:30 EST, 07:30 UTC is 03:30 EDT, same day'),
    dict(hidden=True, data={'app_users': [U(1), U(2)], 'events': [E(1, 1, '2024-11-03 04:30:00+00', 'login'), E(2, 2, '2024-11-03 03:59:00+00', 'login')]}, note='the night clocks go back'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(1, 1, '2024-12-31 23:00:00+00', 'login'), E(2, 1, '2025-01-01 05:00:00+00', 'login')]}, note='New Year in UTC is still 31 December in New York'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': []}, note='no events'),
    dict(hidden=True, data={'app_users': [U(u) for u in range(1, 7)], 'events': [E(i, (i % 6) + 1, (datetime(2024, 6, 1, 0, tzinfo=timezone.utc) + timedelta(hours=(i * 5) % 72)).isoformat(), 'view') for i in range(1, 45)]},
         note='44 events over three days'),
  ],
  prompt='''
`event_time` is a `timestamptz`. Count daily active users by the **local calendar day in New York**
(`America/New_York`, with its daylight-saving changes): for each day with events return `day` (a
`date`) and `active_users` (distinct users with any event that day). Sort by `day` (row order
matters).
''',
  starter='''
SELECT event_time::date AS day, COUNT(*) AS active_users
FROM events
GROUP BY 1
ORDER BY 1;
''',
  solution='''
SELECT (event_time AT TIME ZONE 'America/New_York')::date AS day,
       COUNT(DISTINCT user_id) AS active_users
FROM events
GROUP BY 1
ORDER BY 1;
''',
  wrong=[
    ('casting a timestamptz to date uses the session time zone (UTC here), not New York',
     'SELECT event_time::date AS day, COUNT(DISTINCT user_id) AS active_users\nFROM events\nGROUP BY 1\nORDER BY 1;'),
    ('a fixed UTC-5 offset ignores daylight saving time',
     "SELECT (event_time AT TIME ZONE 'EST')::date AS day, COUNT(DISTINCT user_id) AS active_users\nFROM events\nGROUP BY 1\nORDER BY 1;"),
    ('counts events, not distinct users',
     "SELECT (event_time AT TIME ZONE 'America/New_York')::date AS day, COUNT(*) AS active_users\nFROM events\nGROUP BY 1\nORDER BY 1;"),
  ],
  answer='''
`timestamptz AT TIME ZONE 'America/New_York'` gives the local wall-clock time there (a `timestamp`
without time zone), taking the daylight-saving rules into account; its `::date` is the local day.
Count `DISTINCT user_id` per day.

`event_time::date` silently uses the session's `TimeZone` setting, so the same query gives
different answers on different servers. A fixed offset (`'EST'`, `INTERVAL '-05:00'`) is wrong
for half the year, and a bare numeric string is worse: Postgres reads `AT TIME ZONE '-05'` with the
POSIX sign convention, as UTC+5. Name the zone by its IANA name.
''',
  rubric='''
- Converts with `AT TIME ZONE 'America/New_York'` before taking the date.
- Explains that `::date` on a timestamptz uses the session time zone.
- Uses an IANA zone name rather than a fixed offset, because of daylight saving.
- Counts distinct users.
''',
  hints='''
- What does `timestamptz::date` depend on besides the value?
''',
  followups='''
- What does `AT TIME ZONE` do to a `timestamp` without time zone?

  The opposite: it interprets the wall-clock time as local time in that zone and returns a
  `timestamptz`.
- How would you make this fast on a large table?

  An expression index on `((event_time AT TIME ZONE 'America/New_York')::date)`, or store the local
  date in a column when the reporting zone is fixed.
''')

# ---------------------------------------------------------------- A/B per arm
A = lambda uid, arm, at: [uid, arm, at]
Pu = lambda pid, uid, at, rev: [pid, uid, at, rev]
def ab(t):
    arms = defaultdict(list)
    for a in t['assignments']: arms[a['arm']].append(a)
    out = []
    for arm, users in arms.items():
        conv = 0; rev = Decimal(0)
        for a in users:
            ps = [p for p in t['purchases'] if p['user_id'] == a['user_id'] and p['purchased_at'] >= a['assigned_at']]
            conv += bool(ps)
            rev += sum((p['revenue'] for p in ps), Decimal(0))
        out.append([arm, len(users), conv, float(Fraction(conv, len(users))), float(rev / len(users))])
    return ['arm', 'users', 'converters', 'conversion_rate', 'revenue_per_user'], out

drill(id='sql-ab-test-metrics-per-arm', title='A/B test metrics per arm', difficulty='medium', time=1200,
  tags=['ab-testing', 'left-join', 'double-counting', 'experiments'], dataset='experiment', compute=ab,
  tests=[
    dict(data='sample', note='the sample experiment'),
    dict(data={'assignments': [A(1, 'control', '2024-05-01 10:00:00+00'), A(2, 'control', '2024-05-01 10:00:00+00')],
               'purchases': [Pu(1, 1, '2024-05-02 10:00:00+00', 10), Pu(2, 1, '2024-05-03 10:00:00+00', 30)]},
         note='two purchases by one user: one converter; revenue per user divides by every assigned user'),
    dict(data={'assignments': [A(1, 'treatment', '2024-05-01 10:00:00+00'), A(2, 'treatment', '2024-05-01 10:00:00+00'), A(3, 'treatment', '2024-05-01 10:00:00+00')],
               'purchases': [Pu(1, 1, '2024-05-01 09:59:59+00', 50), Pu(2, 2, '2024-05-01 10:00:00+00', 5)]},
         note='a purchase before assignment does not count; one at the assignment instant does'),
    dict(hidden=True, data={'assignments': [A(1, 'control', '2024-05-01 10:00:00+00'), A(2, 'treatment', '2024-05-01 10:00:00+00')], 'purchases': []}, note='no purchases: zeros, not missing rows'),
    dict(hidden=True, data={'assignments': [A(1, 'control', '2024-05-01 10:00:00+00')], 'purchases': [Pu(1, 99, '2024-05-02 10:00:00+00', 100)]}, note='a purchase by a user outside the experiment is ignored'),
    dict(hidden=True, data={'assignments': [A(u, ['control', 'treatment'][u % 2], f'2024-05-0{(u % 5) + 1} 12:00:00+00') for u in range(1, 13)],
               'purchases': [Pu(i, (i % 12) + 1, f'2024-05-0{(i % 7) + 1} 11:00:00+00', round(5 + i * 2.25, 2)) for i in range(1, 30)]},
         note='twelve users, 29 purchases before and after assignment'),
    dict(hidden=True, data={'assignments': [A(1, 'control', '2024-05-01 10:00:00+00'), A(2, 'control', '2024-05-01 10:00:00+00'), A(3, 'control', '2024-05-01 10:00:00+00')],
               'purchases': [Pu(1, 1, '2024-05-02 10:00:00+00', 1), Pu(2, 2, '2024-05-02 10:00:00+00', 1)]}, note='2 of 3 convert: rate 2/3, not 0'),
    dict(hidden=True, data={'assignments': [A(1, 'treatment', '2024-05-01 10:00:00+00')], 'purchases': [Pu(i, 1, '2024-05-02 10:00:00+00', 10) for i in range(1, 6)]}, note='five purchases by one user'),
  ],
  prompt='''
For each experiment arm return `arm`, `users` (assigned users), `converters` (users with at least
one purchase at or after their `assigned_at`), `conversion_rate` (converters / users, a fraction)
and `revenue_per_user` (revenue of purchases at or after assignment, divided by all assigned
users, buyers or not). Purchases before assignment and purchases by users outside the experiment
do not count. Any row order.
''',
  starter='''
SELECT a.arm, COUNT(*) AS users, COUNT(p.purchase_id) AS converters,
       0 AS conversion_rate, AVG(p.revenue) AS revenue_per_user
FROM assignments AS a
JOIN purchases AS p ON p.user_id = a.user_id
GROUP BY a.arm;
''',
  solution='''
WITH per_user AS (
  SELECT a.user_id, a.arm,
         COUNT(p.purchase_id) AS purchases,
         COALESCE(SUM(p.revenue), 0) AS revenue
  FROM assignments AS a
  LEFT JOIN purchases AS p
    ON p.user_id = a.user_id
   AND p.purchased_at >= a.assigned_at
  GROUP BY a.user_id, a.arm
)
SELECT arm,
       COUNT(*) AS users,
       COUNT(*) FILTER (WHERE purchases > 0) AS converters,
       AVG(CASE WHEN purchases > 0 THEN 1.0 ELSE 0.0 END) AS conversion_rate,
       AVG(revenue) AS revenue_per_user
FROM per_user
GROUP BY arm;
''',
  wrong=[
    ('joins purchases and counts rows: a user with several purchases counts several times',
     'SELECT a.arm, COUNT(*) AS users, COUNT(p.purchase_id) AS converters,\n       COUNT(p.purchase_id)::numeric / COUNT(*) AS conversion_rate,\n       COALESCE(SUM(p.revenue), 0) / COUNT(*) AS revenue_per_user\nFROM assignments AS a\nLEFT JOIN purchases AS p ON p.user_id = a.user_id AND p.purchased_at >= a.assigned_at\nGROUP BY a.arm;'),
    ('revenue averaged over buyers only, and an inner join drops non-buyers from the users count',
     'SELECT a.arm, COUNT(DISTINCT a.user_id) AS users, COUNT(DISTINCT p.user_id) AS converters,\n       COUNT(DISTINCT p.user_id)::numeric / COUNT(DISTINCT a.user_id) AS conversion_rate,\n       SUM(p.revenue) / COUNT(DISTINCT a.user_id) AS revenue_per_user\nFROM assignments AS a\nJOIN purchases AS p ON p.user_id = a.user_id AND p.purchased_at >= a.assigned_at\nGROUP BY a.arm;'),
    ('purchases before assignment are counted',
     'WITH per_user AS (\n  SELECT a.user_id, a.arm, COUNT(p.purchase_id) AS purchases, COALESCE(SUM(p.revenue), 0) AS revenue\n  FROM assignments AS a LEFT JOIN purchases AS p ON p.user_id = a.user_id\n  GROUP BY a.user_id, a.arm\n)\nSELECT arm, COUNT(*) AS users, COUNT(*) FILTER (WHERE purchases > 0) AS converters,\n       AVG(CASE WHEN purchases > 0 THEN 1.0 ELSE 0.0 END) AS conversion_rate,\n       AVG(revenue) AS revenue_per_user\nFROM per_user GROUP BY arm;'),
    ('integer division for the conversion rate',
     'WITH per_user AS (\n  SELECT a.user_id, a.arm, COUNT(p.purchase_id) AS purchases, COALESCE(SUM(p.revenue), 0) AS revenue\n  FROM assignments AS a LEFT JOIN purchases AS p ON p.user_id = a.user_id AND p.purchased_at >= a.assigned_at\n  GROUP BY a.user_id, a.arm\n)\nSELECT arm, COUNT(*) AS users, COUNT(*) FILTER (WHERE purchases > 0) AS converters,\n       COUNT(*) FILTER (WHERE purchases > 0) / COUNT(*) AS conversion_rate,\n       AVG(revenue) AS revenue_per_user\nFROM per_user GROUP BY arm;'),
  ],
  answer='''
Aggregate to one row per assigned user first (their post-assignment purchases and revenue, with a
`LEFT JOIN` so non-buyers stay with 0), then aggregate per arm. The denominator of both metrics is
every assigned user: that is what randomisation balanced, and dropping non-buyers measures a
different, self-selected population.

Joining purchases straight onto assignments and counting rows double counts users with several
purchases. Purchases before assignment cannot be caused by the arm and must be excluded (the
boundary is inclusive here). Cast before dividing; `AVG` over 1.0/0.0 indicators gives the rate.
''',
  rubric='''
- Reduces to one row per assigned user before aggregating per arm.
- Keeps non-buyers (LEFT JOIN, revenue 0) in every denominator.
- Counts only purchases at or after assignment.
- Avoids double counting users with several purchases.
- Produces fractional rates (no integer division).
''',
  hints='''
- What is the unit of randomisation, and so the unit of every denominator?
''',
  followups='''
- How would you test whether the difference in conversion is significant?

  A two-proportion z-test (or chi-squared) on converters and users per arm, computed from these
  counts; for revenue per user, a t-test or bootstrap, since revenue is heavy-tailed.
- What check would you run before reading the metrics?

  A sample ratio mismatch check: compare users per arm with the planned split using a chi-squared
  test; a mismatch points to a broken assignment or logging.
''')
