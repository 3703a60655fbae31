from fw import *
from collections import defaultdict, Counter
from fractions import Fraction
from drills_a import C, O

# ---------------------------------------------------------------- gaps and islands
dataset('_logins', '', '''
CREATE TABLE logins (
  user_id    integer NOT NULL,
  login_date date    NOT NULL    -- a user may log in several times a day
);
''', {'logins': ['user_id', 'login_date']}, {})
DATASETS['_logins']['types'] = {'logins': {'login_date': 'date'}}
def streak(t):
    by = defaultdict(set)
    for r in t['logins']: by[r['user_id']].add(r['login_date'])
    out = []
    for u, days in by.items():
        best = 0
        for dd in days:
            if dd - timedelta(days=1) not in days:
                n = 1
                while dd + timedelta(days=n) in days: n += 1
                best = max(best, n)
        out.append([u, best])
    return ['user_id', 'longest_streak'], out

LG = lambda u, dd: [u, dd]
drill(id='sql-longest-login-streak', title='Longest streak of consecutive login days', difficulty='hard', time=1500,
  tags=['gaps-and-islands', 'row-number', 'window-functions', 'dates'], dataset='_logins', compute=streak,
  tests=[
    dict(data={'logins': [LG(1, '2024-01-01'), LG(1, '2024-01-02'), LG(1, '2024-01-03'), LG(1, '2024-01-05'), LG(1, '2024-01-06')]}, note='streaks of 3 and 2'),
    dict(data={'logins': [LG(1, '2024-01-01'), LG(1, '2024-01-01'), LG(1, '2024-01-02'), LG(1, '2024-01-02'), LG(1, '2024-01-03')]}, note='several logins a day count as one day'),
    dict(data={'logins': [LG(1, '2024-01-01'), LG(2, '2024-01-02'), LG(1, '2024-01-03'), LG(2, '2024-01-03')]}, note='two users: streaks do not join across users'),
    dict(hidden=True, data={'logins': []}, note='no logins'),
    dict(hidden=True, data={'logins': [LG(1, '2024-02-28'), LG(1, '2024-02-29'), LG(1, '2024-03-01'), LG(1, '2023-12-31'), LG(1, '2024-01-01')]}, note='across a leap day and a year end'),
    dict(hidden=True, data={'logins': [LG(1, (date(2024, 1, 1) + timedelta(days=k)).isoformat()) for k in range(30)]}, note='thirty days in a row'),
    dict(hidden=True, data={'logins': [LG(1, '2024-01-01'), LG(1, '2024-01-03'), LG(1, '2024-01-05')]}, note='every other day: 1'),
    dict(hidden=True, data={'logins': [LG(u, (date(2024, 5, 1) + timedelta(days=(k * 3 + u) % 17)).isoformat()) for u in range(1, 5) for k in range(9)]}, note='four users, scattered days with duplicates'),
  ],
  prompt='''
`logins` has a row per login (several per day are possible). For each user, return `user_id` and
`longest_streak`: the largest number of consecutive calendar days on which they logged in. Any row
order.
''',
  starter='''
SELECT user_id, COUNT(DISTINCT login_date) AS longest_streak
FROM logins
GROUP BY user_id;
''',
  solution='''
WITH days AS (
  SELECT DISTINCT user_id, login_date FROM logins
), islands AS (
  SELECT user_id,
         login_date - (ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY login_date))::int AS island
  FROM days
)
SELECT user_id, MAX(streak) AS longest_streak
FROM (SELECT user_id, island, COUNT(*) AS streak FROM islands GROUP BY user_id, island) AS s
GROUP BY user_id;
''',
  wrong=[
    ('no de-duplication: a second login on a day breaks the date - row_number trick',
     'WITH islands AS (\n  SELECT user_id, login_date - (ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY login_date))::int AS island\n  FROM logins\n)\nSELECT user_id, MAX(streak) AS longest_streak\nFROM (SELECT user_id, island, COUNT(*) AS streak FROM islands GROUP BY user_id, island) AS s\nGROUP BY user_id;'),
    ('the span from first to last login day ignores the gaps',
     'SELECT user_id, MAX(login_date) - MIN(login_date) + 1 AS longest_streak\nFROM logins\nGROUP BY user_id;'),
    ('counts distinct login days, not consecutive ones',
     'SELECT user_id, COUNT(DISTINCT login_date) AS longest_streak\nFROM logins\nGROUP BY user_id;'),
    ('DENSE_RANK over the raw rows gives duplicates the same number, but COUNT(*) then counts them twice',
     'WITH islands AS (\n  SELECT user_id, login_date - (DENSE_RANK() OVER (PARTITION BY user_id ORDER BY login_date))::int AS island\n  FROM logins\n)\nSELECT user_id, MAX(streak) AS longest_streak\nFROM (SELECT user_id, island, COUNT(*) AS streak FROM islands GROUP BY user_id, island) AS s\nGROUP BY user_id;'),
  ],
  answer='''
The gaps-and-islands trick: within a run of consecutive days, the date and its row number
(ordered by date, per user) rise together, so `login_date - row_number` is constant on each run and
changes at every gap. Group by that value to get the runs, count their days, and take the maximum
per user.

De-duplicate days first: with two logins on one day the row number advances while the date does
not, which splits the island. Number the days per user (`PARTITION BY user_id`) and group by user
and island. `DENSE_RANK` over the raw rows also gives a constant difference, but then each island
must be counted with `COUNT(DISTINCT login_date)`.
''',
  rubric='''
- Removes duplicate (user, day) rows first.
- Uses date minus `ROW_NUMBER()` (partitioned by user, ordered by date) as the island key.
- Explains why the difference is constant on a run of consecutive days.
- Groups by the island, counts days, and takes the max per user.
''',
  hints='''
- For days 1, 2, 3, 5, 6 and row numbers 1 to 5, what is day minus row number?
- What happens to that difference if the same day appears twice?
''',
  followups='''
- How would you list each streak's start and end?

  Group by user and island and select `MIN(login_date)` and `MAX(login_date)` with the count.
- And the current streak, ending today?

  Keep the island whose `MAX(login_date)` is the current date (or yesterday, if today is not over).
''')

# ---------------------------------------------------------------- LEAD days to next order
def next_gap(t):
    by = defaultdict(list)
    for o in t['orders']:
        if o['customer_id'] is not None: by[o['customer_id']].append(o)
    out = []
    for cid, os_ in by.items():
        os_.sort(key=lambda o: (o['order_date'], o['order_id']))
        for a, b in zip(os_, os_[1:] + [None]):
            out.append([a['order_id'], (b['order_date'] - a['order_date']).days if b else None])
    return ['order_id', 'days_to_next'], out

drill(id='sql-days-to-next-order', title="Days until the customer's next order", difficulty='easy', time=600,
  tags=['lead', 'window-functions', 'dates'], dataset='shop', compute=next_gap,
  tests=[
    dict(data='sample', note='the sample shop'),
    dict(data={'customers': [C(1), C(2)], 'orders': [O(1, 1, '2024-01-01', 5), O(2, 2, '2024-01-03', 5), O(3, 1, '2024-01-10', 5)]}, note='the next order of the same customer, not the next order overall'),
    dict(data={'customers': [C(1)], 'orders': [O(9, 1, '2024-01-01', 5), O(3, 1, '2024-01-05', 5), O(5, 1, '2024-01-05', 5)]}, note='order by date (then order_id), not by order_id; two orders on one day are 0 days apart'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': [O(1, 1, '2024-01-01', 5)]}, note='a single order: NULL'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': [O(1, 1, '2024-02-28', 5), O(2, 1, '2024-03-01', 5), O(3, 1, '2025-03-01', 5)]}, note='a leap day and a whole year'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': [O(1, None, '2024-01-01', 5), O(2, None, '2024-01-02', 5), O(3, 1, '2024-01-03', 5)]}, note='guest orders are left out'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': []}, note='no orders'),
    dict(hidden=True, data={'customers': [C(i) for i in range(1, 5)], 'orders': [O(50 - i, (i % 4) + 1, (date(2024, 1, 1) + timedelta(days=(i * 11) % 60)).isoformat(), 5, ['completed', 'cancelled'][i % 2]) for i in range(1, 25)]}, note='24 orders from four customers, any status'),
  ],
  prompt='''
For every order that has a customer (any status), return `order_id` and `days_to_next`: the number
of days until that customer's next order, taking orders by `order_date` and then `order_id`; NULL
for a customer's last order. Any row order.
''',
  starter='''
SELECT order_id, NULL::integer AS days_to_next
FROM orders;
''',
  solution='''
SELECT order_id,
       LEAD(order_date) OVER (PARTITION BY customer_id ORDER BY order_date, order_id)
         - order_date AS days_to_next
FROM orders
WHERE customer_id IS NOT NULL;
''',
  wrong=[
    ('no PARTITION BY: the next order of anyone',
     'SELECT order_id, LEAD(order_date) OVER (ORDER BY order_date, order_id) - order_date AS days_to_next\nFROM orders\nWHERE customer_id IS NOT NULL;'),
    ('LAG looks back: days since the previous order',
     'SELECT order_id, order_date - LAG(order_date) OVER (PARTITION BY customer_id ORDER BY order_date, order_id) AS days_to_next\nFROM orders\nWHERE customer_id IS NOT NULL;'),
    ('ordered by order_id, which is not date order',
     'SELECT order_id, LEAD(order_date) OVER (PARTITION BY customer_id ORDER BY order_id) - order_date AS days_to_next\nFROM orders\nWHERE customer_id IS NOT NULL;'),
  ],
  answer='''
`LEAD(order_date) OVER (PARTITION BY customer_id ORDER BY order_date, order_id)` is the customer's
next order date; subtracting two `date`s in Postgres gives an integer number of days, and `LEAD`
returns NULL on the last row, so the difference is NULL there.

Partition by customer, order by time with a tie-breaker, and filter guest orders in `WHERE` (which
runs before the window function, so they never enter any partition).
''',
  rubric='''
- Uses `LEAD` partitioned by customer.
- Orders the window by date with a tie-breaker.
- Says date minus date is an integer number of days.
- Says `LEAD` gives NULL on a customer's last row.
- Leaves out guest orders.
''',
  hints='''
- Which window function reads the following row?
''',
  followups='''
- How would you compute the median gap per customer?

  Wrap this in a subquery and take `percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_next)` per
  customer; NULLs are ignored.
- What if `order_date` were a `timestamptz`?

  The difference is an `interval`; use `EXTRACT(EPOCH FROM ...) / 86400` for fractional days, or
  compare the local dates.
''')

# ---------------------------------------------------------------- pivot with FILTER
def pivot(t):
    out = []
    for c in t['customers']:
        os_ = [o for o in t['orders'] if o['customer_id'] == c['customer_id']]
        out.append([c['customer_id']] + [sum(1 for o in os_ if o['status'] == s) for s in ('completed', 'cancelled', 'refunded')])
    return ['customer_id', 'completed', 'cancelled', 'refunded'], out

drill(id='sql-pivot-status-counts', title='Order statuses as columns (pivot)', difficulty='easy', time=600,
  tags=['pivot', 'filter', 'case', 'left-join'], dataset='shop', compute=pivot,
  tests=[
    dict(data='sample', note='the sample shop'),
    dict(data={'customers': [C(1), C(2)], 'orders': [O(1, 1, '2024-01-01', 5, 'refunded')]}, note='zeros, not NULLs; a customer without orders gets three zeros'),
    dict(data={'customers': [C(1)], 'orders': [O(1, 1, '2024-01-01', 5), O(2, 1, '2024-01-01', 5), O(3, 1, '2024-01-01', 5, 'cancelled')]}, note='counts per status'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': []}, note='no orders'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': [O(1, None, '2024-01-01', 5, 'cancelled'), O(2, 1, '2024-01-01', 5)]}, note='guest orders belong to no customer'),
    dict(hidden=True, data={'customers': [C(i) for i in range(1, 7)], 'orders': [O(i, (i % 6) + 1, '2024-01-01', 5, ['completed', 'cancelled', 'refunded', 'completed'][(i * 5) % 4]) for i in range(1, 30)]}, note='29 orders'),
    dict(hidden=True, data={'customers': [C(1), C(2)], 'orders': [O(1, 2, '2024-01-01', 5, 'cancelled'), O(2, 2, '2024-01-02', 5, 'cancelled')]}, note='only cancellations'),
    dict(hidden=True, data={'customers': [], 'orders': []}, note='no customers'),
  ],
  prompt='''
For every customer return one row with `customer_id` and the number of their orders in each status
as the columns `completed`, `cancelled` and `refunded` (0, not NULL, when there are none). Any row
order.
''',
  starter='''
SELECT c.customer_id, 0 AS completed, 0 AS cancelled, 0 AS refunded
FROM customers AS c;
''',
  solution='''
SELECT c.customer_id,
       COUNT(*) FILTER (WHERE o.status = 'completed') AS completed,
       COUNT(*) FILTER (WHERE o.status = 'cancelled') AS cancelled,
       COUNT(*) FILTER (WHERE o.status = 'refunded')  AS refunded
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.customer_id
GROUP BY c.customer_id;
''',
  wrong=[
    ('SUM of CASE without ELSE is NULL when a status never occurs',
     "SELECT c.customer_id,\n       SUM(CASE WHEN o.status = 'completed' THEN 1 END) AS completed,\n       SUM(CASE WHEN o.status = 'cancelled' THEN 1 END) AS cancelled,\n       SUM(CASE WHEN o.status = 'refunded' THEN 1 END) AS refunded\nFROM customers AS c\nLEFT JOIN orders AS o ON o.customer_id = c.customer_id\nGROUP BY c.customer_id;"),
    ('COUNT of a CASE with ELSE 0 counts every row, since 0 is not NULL',
     "SELECT c.customer_id,\n       COUNT(CASE WHEN o.status = 'completed' THEN 1 ELSE 0 END) AS completed,\n       COUNT(CASE WHEN o.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,\n       COUNT(CASE WHEN o.status = 'refunded' THEN 1 ELSE 0 END) AS refunded\nFROM customers AS c\nLEFT JOIN orders AS o ON o.customer_id = c.customer_id\nGROUP BY c.customer_id;"),
    ('an inner join drops customers without orders',
     "SELECT c.customer_id,\n       COUNT(*) FILTER (WHERE o.status = 'completed') AS completed,\n       COUNT(*) FILTER (WHERE o.status = 'cancelled') AS cancelled,\n       COUNT(*) FILTER (WHERE o.status = 'refunded') AS refunded\nFROM customers AS c\nJOIN orders AS o ON o.customer_id = c.customer_id\nGROUP BY c.customer_id;"),
  ],
  answer='''
Conditional aggregation: one aggregate per output column, each over the rows of one status.
`COUNT(*) FILTER (WHERE status = 'x')` is the clearest Postgres form (it is standard SQL); the
portable one is `SUM(CASE WHEN status = 'x' THEN 1 ELSE 0 END)`.

`COUNT(*) FILTER` is 0 for the NULL-extended row of a customer without orders, because that row
fails the filter. The two classic slips are `SUM(CASE ... THEN 1 END)` (NULL when nothing matches)
and `COUNT(CASE ... ELSE 0 END)` (counts every row, since 0 is a value).
''',
  rubric='''
- Uses conditional aggregation (FILTER or SUM of CASE with ELSE 0).
- Keeps customers without orders with a LEFT JOIN.
- Returns 0, not NULL, for statuses that never occur.
- Explains why `COUNT(CASE ... ELSE 0 END)` counts all rows.
''',
  hints='''
- Which rows does `COUNT(*) FILTER (WHERE ...)` count?
''',
  followups='''
- What if the set of statuses is not known in advance?

  SQL needs the columns at plan time: generate the query from `SELECT DISTINCT status`, use
  `crosstab` from tablefunc, or return long format (customer, status, count) and pivot in the client.
- How would you add each customer's share of cancelled orders?

  `COUNT(*) FILTER (WHERE o.status = 'cancelled')::numeric / NULLIF(COUNT(o.order_id), 0)`.
''')

# ---------------------------------------------------------------- category share, double counting
def share(t):
    completed = {o['order_id'] for o in t['orders'] if o['status'] == 'completed'}
    cat = {p['product_id']: p['category'] for p in t['products']}
    rev = defaultdict(Decimal)
    for it in t['order_items']:
        if it['order_id'] in completed:
            rev[cat[it['product_id']]] += it['quantity'] * it['unit_price']
    total = sum(rev.values())
    return ['category', 'revenue', 'share'], [[k, float(v), float(v / total)] for k, v in rev.items()]

I = lambda oid, pid, q, price: [oid, pid, q, price]
PR = [[1, 'Kettle', 'kitchen'], [2, 'Mug', 'kitchen'], [3, 'Lamp', 'home'], [4, 'Novel', 'books']]
drill(id='sql-category-revenue-share', title="Each category's share of revenue", difficulty='medium', time=900,
  tags=['window-functions', 'double-counting', 'joins', 'share-of-total'], dataset='shop', compute=share,
  tests=[
    dict(data='sample', note='the sample shop'),
    dict(data={'orders': [O(1, None, '2024-01-01', 50)], 'products': PR, 'order_items': [I(1, 1, 1, 30), I(1, 3, 2, 10)]},
         note='one order with two categories: revenue comes from the lines, not the order amount'),
    dict(data={'orders': [O(1, None, '2024-01-01', 10), O(2, None, '2024-01-01', 90, 'cancelled')], 'products': PR, 'order_items': [I(1, 4, 1, 10), I(2, 3, 1, 90)]},
         note='a cancelled order brings no revenue; a category with only cancelled lines does not appear'),
    dict(hidden=True, data={'orders': [O(1, None, '2024-01-01', 10)], 'products': PR, 'order_items': [I(1, 2, 3, 3.33)]}, note='one category: share 1'),
    dict(hidden=True, data={'orders': [O(1, None, '2024-01-01', 60), O(2, None, '2024-01-02', 40)], 'products': PR, 'order_items': [I(1, 1, 1, 20), I(1, 2, 2, 10), I(1, 3, 1, 20), I(2, 3, 4, 10)]}, note='several lines per order and per category'),
    dict(hidden=True, data={'orders': [O(1, None, '2024-01-01', 3, 'refunded')], 'products': PR, 'order_items': [I(1, 1, 1, 3)]}, note='no completed orders: no rows'),
    dict(hidden=True, data={'orders': [O(1, None, '2024-01-01', 1)], 'products': PR, 'order_items': [I(1, 1, 1, 1), I(1, 3, 1, 1), I(1, 4, 1, 1)]}, note='three equal shares of 1/3'),
    dict(hidden=True, data={'orders': [O(i, None, '2024-01-01', 1, ['completed', 'completed', 'cancelled'][i % 3]) for i in range(1, 13)], 'products': PR,
                            'order_items': [I(i, (i * k) % 4 + 1, k, round(2.5 * k + i, 2)) for i in range(1, 13) for k in (1, 2, 3)]}, note='twelve orders, 36 lines'),
  ],
  prompt='''
Revenue of a line in `order_items` is `quantity * unit_price`. Over completed orders only, return
for each product category `category`, `revenue` and `share` (the category's revenue divided by the
total over all categories, a fraction). Categories without completed revenue do not appear. Any row
order.
''',
  starter='''
SELECT p.category, SUM(o.amount) AS revenue, 0 AS share
FROM orders AS o
JOIN order_items AS i ON i.order_id = o.order_id
JOIN products AS p ON p.product_id = i.product_id
GROUP BY p.category;
''',
  solution='''
SELECT p.category,
       SUM(i.quantity * i.unit_price) AS revenue,
       SUM(i.quantity * i.unit_price) / SUM(SUM(i.quantity * i.unit_price)) OVER () AS share
FROM order_items AS i
JOIN orders AS o ON o.order_id = i.order_id
JOIN products AS p ON p.product_id = i.product_id
WHERE o.status = 'completed'
GROUP BY p.category;
''',
  wrong=[
    ('sums the order amount once per line: an order with several lines is counted several times',
     "SELECT p.category, SUM(o.amount) AS revenue, SUM(o.amount) / SUM(SUM(o.amount)) OVER () AS share\nFROM orders AS o\nJOIN order_items AS i ON i.order_id = o.order_id\nJOIN products AS p ON p.product_id = i.product_id\nWHERE o.status = 'completed'\nGROUP BY p.category;"),
    ('ignores quantity: revenue is the unit price once per line',
     "SELECT p.category, SUM(i.unit_price) AS revenue, SUM(i.unit_price) / SUM(SUM(i.unit_price)) OVER () AS share\nFROM order_items AS i\nJOIN orders AS o ON o.order_id = i.order_id\nJOIN products AS p ON p.product_id = i.product_id\nWHERE o.status = 'completed'\nGROUP BY p.category;"),
    ('no status filter: cancelled and refunded orders count',
     'SELECT p.category, SUM(i.quantity * i.unit_price) AS revenue,\n       SUM(i.quantity * i.unit_price) / SUM(SUM(i.quantity * i.unit_price)) OVER () AS share\nFROM order_items AS i\nJOIN products AS p ON p.product_id = i.product_id\nGROUP BY p.category;'),
  ],
  answer='''
Compute revenue at the grain where it lives, the order line (`quantity * unit_price`), filter to
completed orders, group by category, and divide by the grand total with a window over the grouped
rows: `SUM(SUM(x)) OVER ()` (the inner `SUM` is the group's aggregate, the outer one a window over
all groups).

The trap is the fan-out: after joining orders to their lines, each order appears once per line, so
`SUM(o.amount)` counts a three-line order three times. Always ask what one row means after a join
before aggregating a column from the "one" side.
''',
  rubric='''
- Computes revenue from the lines (`quantity * unit_price`).
- Explains the fan-out: order-level amounts repeat once per line after the join.
- Filters to completed orders.
- Divides by the grand total with a window (`SUM(SUM(...)) OVER ()`) or a subquery.
''',
  hints='''
- After joining orders to order_items, how many times does each order's `amount` appear?
''',
  followups='''
- How would you get each category's share within each month?

  Group by month and category and use `SUM(SUM(x)) OVER (PARTITION BY month)` as the denominator.
- When must you aggregate before joining?

  When two one-to-many joins hang off the same table (orders to lines and orders to payments): join
  pre-aggregated subqueries, or the two fan-outs multiply.
''')
