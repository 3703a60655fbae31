from fw import *
from collections import defaultdict, Counter
from itertools import combinations
from drills_a import C, O
from drills_c import U, E
from drills_h import I, PR

# ---------------------------------------------------------------- basket pairs
def pairs(t):
    completed = {o['order_id'] for o in t['orders'] if o['status'] == 'completed'}
    prods = defaultdict(set)
    for it in t['order_items']:
        if it['order_id'] in completed: prods[it['order_id']].add(it['product_id'])
    n = Counter()
    for ps in prods.values():
        for a, b in combinations(sorted(ps), 2): n[(a, b)] += 1
    return ['product_a', 'product_b', 'orders'], [[a, b, k] for (a, b), k in n.items() if k >= 2]

drill(id='sql-products-bought-together', title='Product pairs bought together', difficulty='hard', time=1200,
  tags=['self-join', 'market-basket', 'count-distinct', 'having'], dataset='shop', compute=pairs,
  tests=[
    dict(data='sample', note='the sample shop'),
    dict(data={'orders': [O(1, None, '2024-01-01', 1), O(2, None, '2024-01-01', 1)], 'products': PR, 'order_items': [I(1, 1, 1, 1), I(1, 2, 1, 1), I(2, 2, 1, 1), I(2, 1, 1, 1)]},
         note='each pair once, smaller product_id first'),
    dict(data={'orders': [O(1, None, '2024-01-01', 1), O(2, None, '2024-01-01', 1)], 'products': PR, 'order_items': [I(1, 1, 1, 1), I(1, 1, 2, 1), I(1, 2, 1, 1), I(2, 1, 1, 1), I(2, 2, 1, 1)]},
         note='a product on two lines of one order still makes one co-purchase for that order'),
    dict(hidden=True, data={'orders': [O(1, None, '2024-01-01', 1), O(2, None, '2024-01-01', 1, 'cancelled')], 'products': PR, 'order_items': [I(1, 3, 1, 1), I(1, 4, 1, 1), I(2, 3, 1, 1), I(2, 4, 1, 1)]}, note='cancelled orders do not count'),
    dict(hidden=True, data={'orders': [O(i, None, '2024-01-01', 1) for i in range(1, 4)], 'products': PR, 'order_items': [I(i, p, 1, 1) for i in range(1, 4) for p in (1, 2, 3)]}, note='three products in three orders: three pairs of 3'),
    dict(hidden=True, data={'orders': [O(1, None, '2024-01-01', 1)], 'products': PR, 'order_items': [I(1, 1, 1, 1), I(1, 2, 1, 1)]}, note='a pair seen once is below the bar'),
    dict(hidden=True, data={'orders': [O(1, None, '2024-01-01', 1), O(2, None, '2024-01-01', 1)], 'products': PR, 'order_items': [I(1, 4, 5, 1), I(2, 4, 1, 1)]}, note='single-product orders make no pairs'),
    dict(hidden=True, data={'orders': [O(i, None, '2024-01-01', 1, ['completed', 'completed', 'refunded'][i % 3]) for i in range(1, 16)], 'products': PR,
                            'order_items': [I(i, p, 1, 1) for i in range(1, 16) for p in range(1, 5) if (i * p) % 3 != 1] + [I(i, 1, 1, 1) for i in range(1, 16, 4)]}, note='fifteen orders, with repeated lines'),
  ],
  prompt='''
Find pairs of different products that appear together in at least 2 completed orders. Return
`product_a`, `product_b` (with `product_a < product_b`, so each pair appears once) and `orders`
(the number of completed orders containing both). A product listed on two lines of one order still
counts once for that order. Any row order.
''',
  starter='''
SELECT a.product_id AS product_a, b.product_id AS product_b, COUNT(*) AS orders
FROM order_items AS a
JOIN order_items AS b ON b.order_id = a.order_id
GROUP BY 1, 2;
''',
  solution='''
WITH basket AS (
  SELECT DISTINCT i.order_id, i.product_id
  FROM order_items AS i
  JOIN orders AS o ON o.order_id = i.order_id
  WHERE o.status = 'completed'
)
SELECT a.product_id AS product_a, b.product_id AS product_b, COUNT(*) AS orders
FROM basket AS a
JOIN basket AS b ON b.order_id = a.order_id AND a.product_id < b.product_id
GROUP BY a.product_id, b.product_id
HAVING COUNT(*) >= 2;
''',
  wrong=[
    ('a <> b lists every pair twice, as (1, 2) and (2, 1)',
     "WITH basket AS (\n  SELECT DISTINCT i.order_id, i.product_id FROM order_items AS i\n  JOIN orders AS o ON o.order_id = i.order_id WHERE o.status = 'completed'\n)\nSELECT a.product_id AS product_a, b.product_id AS product_b, COUNT(*) AS orders\nFROM basket AS a JOIN basket AS b ON b.order_id = a.order_id AND a.product_id <> b.product_id\nGROUP BY 1, 2 HAVING COUNT(*) >= 2;"),
    ('no de-duplication of lines: a product on two lines doubles the count',
     "SELECT a.product_id AS product_a, b.product_id AS product_b, COUNT(*) AS orders\nFROM order_items AS a\nJOIN order_items AS b ON b.order_id = a.order_id AND a.product_id < b.product_id\nJOIN orders AS o ON o.order_id = a.order_id\nWHERE o.status = 'completed'\nGROUP BY 1, 2 HAVING COUNT(*) >= 2;"),
    ('no status filter: cancelled and refunded orders make pairs',
     'WITH basket AS (SELECT DISTINCT order_id, product_id FROM order_items)\nSELECT a.product_id AS product_a, b.product_id AS product_b, COUNT(*) AS orders\nFROM basket AS a JOIN basket AS b ON b.order_id = a.order_id AND a.product_id < b.product_id\nGROUP BY 1, 2 HAVING COUNT(*) >= 2;'),
  ],
  answer='''
Reduce to distinct (order, product) pairs of completed orders, self-join on `order_id` with
`a.product_id < b.product_id`, group by the pair and keep `COUNT(*) >= 2`.

The `<` does two jobs: it drops the product paired with itself and keeps one of (1, 2) and (2, 1).
De-duplicating first makes `COUNT(*)` count orders rather than line combinations
(`COUNT(DISTINCT a.order_id)` is the alternative). A self-join is quadratic in basket size: an
order with 100 lines makes 4,950 pairs, so cap or sample huge baskets.
''',
  rubric='''
- Self-joins order lines on `order_id`.
- Uses `a.product_id < b.product_id` to avoid self-pairs and mirrored duplicates.
- Counts orders, not line combinations (DISTINCT first, or COUNT DISTINCT).
- Filters to completed orders.
- Applies the threshold of 2 orders in `HAVING`.
- Notes the quadratic cost in basket size.
''',
  hints='''
- How do you keep (1, 2) but not (2, 1) or (1, 1)?
- What does a product on two lines of one order do to the pair count?
''',
  followups='''
- How would you turn counts into association-rule metrics?

  Support = pair orders / all orders; confidence(A→B) = pair orders / orders with A; lift =
  confidence / (orders with B / all orders). Lift above 1 means bought together more than by chance.
- How would you scale this to millions of orders?

  Limit to frequent products first (an item must be frequent for its pairs to be), cap basket
  size, or compute in a distributed engine with the same self-join per order.
''')

# ---------------------------------------------------------------- churned users
def churned(t):
    months = defaultdict(set)
    for e in t['events']:
        dt = e['event_time'].astimezone(timezone.utc)
        months[e['user_id']].add(date(dt.year, dt.month, 1))
    out = []
    for u, ms in months.items():
        if date(2024, 2, 1) in ms and date(2024, 3, 1) not in ms:
            out.append([u])
    return ['user_id'], out

drill(id='sql-churned-users', title='Active in February, gone in March', difficulty='medium', time=900,
  tags=['anti-join', 'not-exists', 'dates', 'churn'], dataset='product-events', compute=churned,
  tests=[
    dict(data='sample', note='the sample stream'),
    dict(data={'app_users': [U(1), U(2)], 'events': [E(1, 1, '2024-02-29 23:59:59+00', 'login'), E(2, 2, '2024-02-01 00:00:00+00', 'view'), E(3, 2, '2024-03-31 23:59:59+00', 'view')]},
         note='the last second of February counts; activity on 31 March keeps a user'),
    dict(data={'app_users': [U(1), U(2)], 'events': [E(1, 1, '2024-01-31 23:59:59+00', 'login'), E(2, 2, '2024-03-01 00:00:00+00', 'login')]},
         note='January or March activity alone is not February activity'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(i, 1, f'2024-02-{i:02d} 10:00:00+00', 'login') for i in range(1, 6)]}, note='several February events: listed once'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': [E(1, 1, '2024-02-10 10:00:00+00', 'login'), E(2, 1, '2024-04-01 00:00:00+00', 'login')]}, note='back in April is still churned in March'),
    dict(hidden=True, data={'app_users': [U(1)], 'events': []}, note='no events'),
    dict(hidden=True, data={'app_users': [U(1), U(2)], 'events': [E(1, 1, '2023-02-15 10:00:00+00', 'login'), E(2, 2, '2024-02-15 10:00:00+00', 'login'), E(3, 2, '2023-03-15 10:00:00+00', 'login')]}, note='the year matters'),
    dict(hidden=True, data={'app_users': [U(u) for u in range(1, 11)], 'events': [E(i, (i % 10) + 1, (datetime(2024, 1, 20, tzinfo=timezone.utc) + timedelta(hours=(i * 29) % 1700)).isoformat(), 'view') for i in range(1, 45)]}, note='ten users over three months'),
  ],
  prompt='''
Return the users who had at least one event in February 2024 and no event in March 2024 (event
times are UTC; months are calendar months). Return `user_id`, once per user, in any order.
''',
  starter='''
SELECT DISTINCT user_id
FROM events
WHERE event_time >= '2024-02-01';
''',
  solution='''
SELECT DISTINCT e.user_id
FROM events AS e
WHERE e.event_time >= '2024-02-01' AND e.event_time < '2024-03-01'
  AND NOT EXISTS (
    SELECT 1 FROM events AS m
    WHERE m.user_id = e.user_id
      AND m.event_time >= '2024-03-01' AND m.event_time < '2024-04-01'
  );
''',
  wrong=[
    ("BETWEEN '2024-02-01' AND '2024-02-29' stops at midnight on the 29th: later events that day are lost",
     "SELECT DISTINCT e.user_id FROM events AS e\nWHERE e.event_time BETWEEN '2024-02-01' AND '2024-02-29'\n  AND NOT EXISTS (SELECT 1 FROM events AS m WHERE m.user_id = e.user_id\n                  AND m.event_time >= '2024-03-01' AND m.event_time < '2024-04-01');"),
    ('extract(month) ignores the year',
     'SELECT DISTINCT e.user_id FROM events AS e\nWHERE extract(month FROM e.event_time) = 2\n  AND NOT EXISTS (SELECT 1 FROM events AS m WHERE m.user_id = e.user_id AND extract(month FROM m.event_time) = 3);'),
    ('no later activity at all, instead of none in March',
     "SELECT DISTINCT e.user_id FROM events AS e\nWHERE e.event_time >= '2024-02-01' AND e.event_time < '2024-03-01'\n  AND NOT EXISTS (SELECT 1 FROM events AS m WHERE m.user_id = e.user_id AND m.event_time >= '2024-03-01');"),
    ('no DISTINCT: one row per February event',
     "SELECT e.user_id FROM events AS e\nWHERE e.event_time >= '2024-02-01' AND e.event_time < '2024-03-01'\n  AND NOT EXISTS (SELECT 1 FROM events AS m WHERE m.user_id = e.user_id\n                  AND m.event_time >= '2024-03-01' AND m.event_time < '2024-04-01');"),
  ],
  answer='''
Users active in February, anti-joined with users active in March. Write each month as a half-open
range on the timestamp (`>= '2024-02-01' AND < '2024-03-01'`): it includes every instant of the
last day, works for any month length and lets an index on `event_time` be used. `NOT EXISTS` (or
`EXCEPT` of the two user sets) is the anti-join.

`BETWEEN '2024-02-01' AND '2024-02-29'` compares timestamps, so it ends at 00:00 on the 29th;
`extract(month ...)` forgets the year and defeats the index.
''',
  rubric='''
- Uses half-open timestamp ranges for the months.
- Uses an anti-join (`NOT EXISTS`, `LEFT JOIN ... IS NULL` or `EXCEPT`) for "no event in March".
- Returns each user once.
- Explains why `BETWEEN` with dates loses the last day's events on a timestamp column.
''',
  hints='''
- What instant does `'2024-02-29'` mean when compared with a `timestamptz`?
''',
  followups='''
- How would you write it with set operations?

  `SELECT user_id FROM events WHERE <February> EXCEPT SELECT user_id FROM events WHERE <March>`;
  `EXCEPT` also removes duplicates.
- How would you compute churn for every month at once?

  Build distinct (user, month) activity, then `LEFT JOIN` it to itself on the same user and the
  next month; rows with no match churned after that month.
''')

# ---------------------------------------------------------------- first order per customer
def first_order(t):
    by = defaultdict(list)
    for o in t['orders']:
        if o['customer_id'] is not None: by[o['customer_id']].append(o)
    out = []
    for cid, os_ in by.items():
        f = min(os_, key=lambda o: (o['order_date'], o['order_id']))
        out.append([cid, f['order_id'], f['order_date'], float(f['amount'])])
    return ['customer_id', 'order_id', 'order_date', 'amount'], out

drill(id='sql-first-order-per-customer', title="Each customer's first order", difficulty='easy', time=600,
  tags=['distinct-on', 'row-number', 'group-by'], dataset='shop', compute=first_order,
  tests=[
    dict(data='sample', note='the sample shop'),
    dict(data={'customers': [C(1)], 'orders': [O(1, 1, '2024-01-05', 99), O(2, 1, '2024-01-01', 10)]}, note='the first order by date, with its own amount (not the smallest amount)'),
    dict(data={'customers': [C(1)], 'orders': [O(7, 1, '2024-01-01', 30), O(4, 1, '2024-01-01', 50)]}, note='two orders on the first day: the lower order_id, one row'),
    dict(hidden=True, data={'customers': [C(1), C(2)], 'orders': [O(1, None, '2023-12-31', 5), O(2, 2, '2024-01-01', 5)]}, note='guest orders are left out; customers without orders do not appear'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': [O(3, 1, '2024-03-01', 1), O(2, 1, '2024-03-01', 2), O(1, 1, '2024-03-01', 3)]}, note='three orders on one day'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': [O(1, 1, '2024-02-01', 5, 'cancelled'), O(2, 1, '2024-02-02', 5)]}, note='a cancelled order is still an order'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': []}, note='no orders'),
    dict(hidden=True, data={'customers': [C(i) for i in range(1, 6)], 'orders': [O(40 - i, (i % 5) + 1, (date(2024, 1, 1) + timedelta(days=(i * 7) % 10)).isoformat(), (i * 13) % 50 + 1) for i in range(1, 30)]}, note='29 orders with same-day ties'),
  ],
  prompt='''
For each customer with at least one order (any status; guest orders are left out), return their
first order: the earliest `order_date`, and among orders on that day the lowest `order_id`. Return
`customer_id`, `order_id`, `order_date` and `amount` of that order, in any order.
''',
  starter='''
SELECT customer_id, MIN(order_id) AS order_id, MIN(order_date) AS order_date, MIN(amount) AS amount
FROM orders
GROUP BY customer_id;
''',
  solution='''
SELECT DISTINCT ON (customer_id)
       customer_id, order_id, order_date, amount
FROM orders
WHERE customer_id IS NOT NULL
ORDER BY customer_id, order_date, order_id;
''',
  wrong=[
    ('MIN per column mixes orders: the smallest amount is not the first order\'s amount',
     'SELECT customer_id, MIN(order_id) AS order_id, MIN(order_date) AS order_date, MIN(amount) AS amount\nFROM orders\nWHERE customer_id IS NOT NULL\nGROUP BY customer_id;'),
    ('joins back on the first date: two orders that day give two rows',
     'SELECT o.customer_id, o.order_id, o.order_date, o.amount\nFROM orders AS o\nJOIN (SELECT customer_id, MIN(order_date) AS d FROM orders GROUP BY customer_id) AS f\n  ON f.customer_id = o.customer_id AND f.d = o.order_date;'),
    ('DISTINCT ON ordered by order_id only: the lowest id is not the earliest order',
     'SELECT DISTINCT ON (customer_id) customer_id, order_id, order_date, amount\nFROM orders\nWHERE customer_id IS NOT NULL\nORDER BY customer_id, order_id;'),
  ],
  answer='''
`DISTINCT ON (customer_id) ... ORDER BY customer_id, order_date, order_id` keeps the first row of
each customer in that order: a Postgres shortcut for `ROW_NUMBER() OVER (PARTITION BY customer_id
ORDER BY order_date, order_id) = 1`. The `ORDER BY` must start with the `DISTINCT ON` columns; the
rest decides which row wins, so include a tie-breaker.

Per-column `MIN` returns values from different orders, and a join back on the minimum date returns
every order of that day.
''',
  rubric='''
- Picks one whole row per customer (`DISTINCT ON` or `ROW_NUMBER() = 1`).
- Orders by date with `order_id` as the tie-breaker.
- Explains why per-column `MIN` mixes rows.
- Leaves out guest orders.
''',
  hints='''
- How do you keep a whole row, not column-wise minimums?
''',
  followups='''
- How would you get each customer's first and second order side by side?

  `ROW_NUMBER()` per customer, then conditional aggregation: `MAX(order_id) FILTER (WHERE rn = 1)`
  and `... FILTER (WHERE rn = 2)`.
- Is `DISTINCT ON` portable?

  No, it is Postgres-specific; the window-function form works in every major engine.
''')
