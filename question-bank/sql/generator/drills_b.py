from fw import *
from collections import defaultdict, Counter
from fractions import Fraction
from drills_a import C, O

# ---------------------------------------------------------------- 5 buckets
def buckets(t):
    n = Counter()
    for o in t['orders']:
        if o['status'] != 'completed': continue
        a = o['amount']
        n['small' if a < 50 else 'medium' if a <= 200 else 'large'] += 1
    return ['bucket', 'orders'], [[k, v] for k, v in n.items()]

drill(id='sql-order-size-buckets', title='Order size buckets with CASE', difficulty='easy', time=600,
  tags=['case', 'group-by', 'boundaries'], dataset='shop', compute=buckets,
  tests=[
    dict(data='sample', note='the sample shop'),
    dict(data={'orders': [O(1, None, '2024-01-01', 50), O(2, None, '2024-01-01', 49.99), O(3, None, '2024-01-01', 200), O(4, None, '2024-01-01', 200.01)]},
         note='boundaries: 50.00 and 200.00 are medium'),
    dict(data={'orders': [O(1, None, '2024-01-01', 10), O(2, None, '2024-01-01', 20, 'cancelled'), O(3, None, '2024-01-01', 500, 'refunded')]},
         note='only completed orders count; empty buckets are left out'),
    dict(hidden=True, data={'orders': []}, note='no orders: no rows'),
    dict(hidden=True, data={'orders': [O(i, None, '2024-01-01', a) for i, a in enumerate([0.01, 49.99, 50, 50.01, 199.99, 200, 200.01, 1000], 1)]}, note='both sides of each boundary'),
    dict(hidden=True, data={'orders': [O(i, None, '2024-01-01', 75) for i in range(1, 6)]}, note='one bucket only'),
    dict(hidden=True, data={'orders': [O(i, None, '2024-01-01', 200, 'completed' if i % 2 else 'cancelled') for i in range(1, 8)]}, note='exactly 200.00, some cancelled'),
    dict(hidden=True, data={'orders': [O(i, None, '2024-02-01', (i * 37) % 300 + 0.5, ['completed', 'completed', 'refunded'][i % 3]) for i in range(1, 60)]}, note='59 orders of varied size'),
  ],
  prompt='''
Label each completed order by its `amount`: `small` below 50.00, `medium` from 50.00 to 200.00
inclusive, `large` above 200.00. Return `bucket` and `orders` (how many completed orders fall in
it), in any order; buckets with no orders do not appear.
''',
  starter='''
SELECT 'small' AS bucket, COUNT(*) AS orders
FROM orders;
''',
  solution='''
SELECT CASE
         WHEN amount < 50 THEN 'small'
         WHEN amount <= 200 THEN 'medium'
         ELSE 'large'
       END AS bucket,
       COUNT(*) AS orders
FROM orders
WHERE status = 'completed'
GROUP BY 1;
''',
  wrong=[
    ('off-by-one boundary: 50.00 lands in small',
     "SELECT CASE WHEN amount <= 50 THEN 'small' WHEN amount <= 200 THEN 'medium' ELSE 'large' END AS bucket,\n       COUNT(*) AS orders\nFROM orders\nWHERE status = 'completed'\nGROUP BY 1;"),
    ('CASE takes the first true branch: the wider test first means nothing is ever small',
     "SELECT CASE WHEN amount <= 200 THEN 'medium' WHEN amount < 50 THEN 'small' ELSE 'large' END AS bucket,\n       COUNT(*) AS orders\nFROM orders\nWHERE status = 'completed'\nGROUP BY 1;"),
    ('no status filter: cancelled and refunded orders are counted',
     "SELECT CASE WHEN amount < 50 THEN 'small' WHEN amount <= 200 THEN 'medium' ELSE 'large' END AS bucket,\n       COUNT(*) AS orders\nFROM orders\nGROUP BY 1;"),
  ],
  answer='''
A searched `CASE` evaluates its branches top to bottom and returns the first one that is true, so
order the tests from the narrowest bound up (`< 50`, then `<= 200`, then `ELSE`); later branches
can rely on the earlier ones having failed. Group by the `CASE` expression (or its position,
`GROUP BY 1`). Boundaries are where the bugs hide: "from 50 to 200 inclusive" means 50.00 and
200.00 are medium.
''',
  rubric='''
- Uses a `CASE` expression with branches ordered so the first match is the right one.
- Gets both boundaries right (50.00 and 200.00 are medium).
- Filters completed orders before grouping.
- Groups by the bucket expression.
''',
  hints='''
- Which branch does `CASE` return when two of them are true?
''',
  followups='''
- How would you list empty buckets with 0?

  Start from a list of the buckets (`VALUES ('small'), ('medium'), ('large')`) and `LEFT JOIN` the
  counts to it, with `COALESCE(n, 0)`.
- What happens to an order whose amount is NULL?

  Every comparison with NULL is unknown, so it falls through to `ELSE` and is called large; add an
  explicit `WHEN amount IS NULL` branch if NULLs can occur.
''')

# ---------------------------------------------------------------- 6 top two distinct amounts
def top_two(t):
    by = defaultdict(list)
    for o in t['orders']:
        if o['customer_id'] is not None:
            by[o['customer_id']].append(o)
    out = []
    for cid, os_ in by.items():
        top = sorted({o['amount'] for o in os_}, reverse=True)[:2]
        out += [[cid, o['order_id'], float(o['amount'])] for o in os_ if o['amount'] in top]
    return ['customer_id', 'order_id', 'amount'], out

drill(id='sql-top-two-amounts-per-customer', title='Top two order amounts per customer, ties kept', difficulty='medium', time=900,
  tags=['window-functions', 'dense-rank', 'top-n-per-group'], dataset='shop', compute=top_two,
  tests=[
    dict(data='sample', note='the sample shop'),
    dict(data={'customers': [C(1)], 'orders': [O(1, 1, '2024-01-01', 100), O(2, 1, '2024-01-02', 100), O(3, 1, '2024-01-03', 80), O(4, 1, '2024-01-04', 50)]},
         note='a tie for the top amount: both 100s and the 80 are kept'),
    dict(data={'customers': [C(1), C(2)], 'orders': [O(1, 1, '2024-01-01', 10), O(2, 2, '2024-01-02', 300), O(3, 2, '2024-01-03', 200), O(4, 2, '2024-01-04', 100)]},
         note='each customer is ranked on their own; one order only is fine'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': [O(1, 1, '2024-01-01', 60), O(2, 1, '2024-01-02', 40), O(3, 1, '2024-01-03', 40), O(4, 1, '2024-01-04', 40), O(5, 1, '2024-01-05', 10)]},
         note='a three-way tie for second place'),
    dict(hidden=True, data={'customers': [C(1), C(2)], 'orders': [O(1, 1, '2024-01-01', 5), O(2, None, '2024-01-02', 999), O(3, None, '2024-01-02', 998)]},
         note='guest orders are left out'),
    dict(hidden=True, data={'customers': [C(1), C(2), C(3)], 'orders': [O(i, (i % 3) + 1, '2024-01-01', [10, 20, 30, 20, 10, 30, 30, 40, 10][i - 1]) for i in range(1, 10)]},
         note='three customers with repeated amounts'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': []}, note='no orders'),
    dict(hidden=True, data={'customers': [C(1), C(2)], 'orders': [O(1, 1, '2024-01-01', 70, 'cancelled'), O(2, 1, '2024-01-02', 70), O(3, 2, '2024-01-01', 15), O(4, 2, '2024-01-01', 15), O(5, 2, '2024-01-01', 15)]},
         note='all orders tie: every one is kept; statuses do not matter'),
  ],
  prompt='''
For each customer, return the orders whose `amount` is one of that customer's two highest distinct
amounts (all statuses count; guest orders, with no customer, are left out). If a customer's
amounts are 100, 100, 80 and 50, return the two orders of 100 and the one of 80. Return
`customer_id`, `order_id` and `amount`, in any order.
''',
  starter='''
SELECT customer_id, order_id, amount
FROM orders
ORDER BY amount DESC
LIMIT 2;
''',
  solution='''
SELECT customer_id, order_id, amount
FROM (
  SELECT customer_id, order_id, amount,
         DENSE_RANK() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rnk
  FROM orders
  WHERE customer_id IS NOT NULL
) AS ranked
WHERE rnk <= 2;
''',
  wrong=[
    ('ROW_NUMBER breaks ties arbitrarily and keeps only two orders',
     'SELECT customer_id, order_id, amount\nFROM (\n  SELECT customer_id, order_id, amount,\n         ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rnk\n  FROM orders\n  WHERE customer_id IS NOT NULL\n) AS ranked\nWHERE rnk <= 2;'),
    ('RANK skips a rank after a tie: with 100, 100, 80 the 80 is rank 3 and is lost',
     'SELECT customer_id, order_id, amount\nFROM (\n  SELECT customer_id, order_id, amount,\n         RANK() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rnk\n  FROM orders\n  WHERE customer_id IS NOT NULL\n) AS ranked\nWHERE rnk <= 2;'),
    ('no PARTITION BY: ranks across all customers, so most customers get nothing',
     'SELECT customer_id, order_id, amount\nFROM (\n  SELECT customer_id, order_id, amount,\n         DENSE_RANK() OVER (ORDER BY amount DESC) AS rnk\n  FROM orders\n  WHERE customer_id IS NOT NULL\n) AS ranked\nWHERE rnk <= 2;'),
  ],
  answer='''
Top-N per group is a ranking window function partitioned by the group, filtered in an outer query
(window functions cannot appear in `WHERE`). The tie rule picks the function:

| amounts | ROW_NUMBER | RANK | DENSE_RANK |
|---|---|---|---|
| 100, 100, 80 | 1, 2, 3 | 1, 1, 3 | 1, 1, 2 |

"Two highest distinct amounts" is `DENSE_RANK() <= 2`. `ROW_NUMBER` keeps exactly N rows and breaks
ties arbitrarily (non-deterministic unless the `ORDER BY` is unique); `RANK` leaves gaps after ties.
''',
  rubric='''
- Uses a ranking window function with `PARTITION BY customer_id`.
- Chooses `DENSE_RANK` and says why (distinct amounts, ties share a rank, no gaps).
- Contrasts `ROW_NUMBER` and `RANK` on a tie.
- Filters the rank in an outer query or CTE, not in `WHERE` of the same level.
- Leaves out guest orders.
''',
  hints='''
- Which ranking function gives 100, 100, 80 the ranks 1, 1, 2?
''',
  followups='''
- How would you return exactly two orders per customer, deterministically?

  `ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY amount DESC, order_id)`: the tie-breaker
  makes the order total, so the result is repeatable.
- Is there a way without a window function?

  A `LATERAL` subquery with `ORDER BY amount DESC LIMIT 2` per customer, which an index on
  `(customer_id, amount DESC)` makes fast; or `DISTINCT ON` for the top one only.
''')

# ---------------------------------------------------------------- 7 running total
def running(t):
    by = defaultdict(list)
    for o in t['orders']:
        if o['customer_id'] is not None: by[o['customer_id']].append(o)
    out = []
    for cid in sorted(by):
        s = Decimal(0)
        for o in sorted(by[cid], key=lambda o: (o['order_date'], o['order_id'])):
            s += o['amount']
            out.append([cid, o['order_id'], float(s)])
    return ['customer_id', 'order_id', 'running_total'], out

drill(id='sql-running-total-per-customer', title='Running total of spend per customer', difficulty='medium', time=900,
  tags=['window-functions', 'running-total', 'window-frame'], dataset='shop', ordered=True, compute=running,
  tests=[
    dict(data='sample', note='the sample shop'),
    dict(data={'customers': [C(1)], 'orders': [O(1, 1, '2024-01-05', 10), O(2, 1, '2024-01-05', 20), O(3, 1, '2024-01-07', 5)]},
         note='two orders on the same day: the running total still grows one order at a time'),
    dict(data={'customers': [C(1), C(2)], 'orders': [O(5, 1, '2024-01-01', 10), O(3, 2, '2024-01-02', 7), O(4, 1, '2024-01-03', 1), O(2, 1, '2024-01-04', 100)]},
         note='order_id is not date order; each customer restarts at 0'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': [O(i, 1, '2024-03-01', i) for i in range(1, 6)]}, note='five orders on one day'),
    dict(hidden=True, data={'customers': [C(1), C(2)], 'orders': [O(1, None, '2024-01-01', 50), O(2, 2, '2024-01-01', 5)]}, note='guest orders are left out'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': []}, note='no orders'),
    dict(hidden=True, data={'customers': [C(3), C(1), C(2)], 'orders': [O(10 - i, (i % 3) + 1, f'2024-01-{(i * 7) % 28 + 1:02d}', i * 1.25, 'cancelled' if i == 4 else 'completed') for i in range(1, 10)]},
         note='nine orders out of id order across three customers; cancelled ones count too'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': [O(1, 1, '2024-12-31', 0.1), O(2, 1, '2024-12-31', 0.2), O(3, 1, '2025-01-01', 0.3)]}, note='decimals across a year end'),
  ],
  prompt='''
For every order that has a customer (any status), return the customer's running total of
`amount`: the sum over that customer's orders up to and including this one, taking orders by
`order_date` and, within a day, by `order_id`. Return `customer_id`, `order_id` and
`running_total`, sorted by `customer_id`, then `order_date`, then `order_id` (row order matters).
''',
  starter='''
SELECT customer_id, order_id, amount AS running_total
FROM orders
ORDER BY customer_id, order_date, order_id;
''',
  solution='''
SELECT customer_id, order_id,
       SUM(amount) OVER (
         PARTITION BY customer_id
         ORDER BY order_date, order_id
         ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
       ) AS running_total
FROM orders
WHERE customer_id IS NOT NULL
ORDER BY customer_id, order_date, order_id;
''',
  wrong=[
    ('ORDER BY order_date only with the default RANGE frame: orders on the same day are peers and all get the day-end total',
     'SELECT customer_id, order_id,\n       SUM(amount) OVER (PARTITION BY customer_id ORDER BY order_date) AS running_total\nFROM orders\nWHERE customer_id IS NOT NULL\nORDER BY customer_id, order_date, order_id;'),
    ('no PARTITION BY: one running total across all customers',
     'SELECT customer_id, order_id,\n       SUM(amount) OVER (ORDER BY customer_id, order_date, order_id) AS running_total\nFROM orders\nWHERE customer_id IS NOT NULL\nORDER BY customer_id, order_date, order_id;'),
    ('ordered by order_id instead of date',
     'SELECT customer_id, order_id,\n       SUM(amount) OVER (PARTITION BY customer_id ORDER BY order_id) AS running_total\nFROM orders\nWHERE customer_id IS NOT NULL\nORDER BY customer_id, order_date, order_id;'),
  ],
  answer='''
`SUM(amount) OVER (PARTITION BY customer_id ORDER BY order_date, order_id ROWS BETWEEN UNBOUNDED
PRECEDING AND CURRENT ROW)`, then the final `ORDER BY`.

With an `ORDER BY` in the window, the default frame is `RANGE BETWEEN UNBOUNDED PRECEDING AND
CURRENT ROW`, and `RANGE` includes every peer (rows with the same `ORDER BY` value). Ordering by
date alone therefore gives all orders of one day the day's closing total. A unique ordering (add
`order_id`) or an explicit `ROWS` frame fixes it; saying both is clearest. The window's order
does not order the output: the outer `ORDER BY` does.
''',
  rubric='''
- Uses `SUM() OVER` with `PARTITION BY customer_id`.
- Orders the window by date with `order_id` as the tie-breaker.
- Explains the default `RANGE` frame and peers (same-day orders).
- Adds the final `ORDER BY` for the output.
''',
  hints='''
- What frame does a window with an `ORDER BY` use when you do not write one?
- What are "peers" in a `RANGE` frame?
''',
  followups='''
- How would you compute the total over the last three orders instead?

  `ROWS BETWEEN 2 PRECEDING AND CURRENT ROW`; a row-based frame counts rows, not days.
- And a cumulative share of the customer's lifetime spend?

  Divide the running total by `SUM(amount) OVER (PARTITION BY customer_id)`, a window without
  `ORDER BY`, whose frame is the whole partition.
''')

# ---------------------------------------------------------------- 8 monthly revenue with previous calendar month
def monthly(t):
    rev = defaultdict(Decimal)
    for o in t['orders']:
        if o['status'] == 'completed':
            rev[o['order_date'].replace(day=1)] += o['amount']
    out = []
    for m in sorted(rev):
        prev = (m.replace(day=1) - timedelta(days=1)).replace(day=1)
        out.append([m, float(rev[m]), float(rev[prev]) if prev in rev else None])
    return ['month', 'revenue', 'prev_month_revenue'], out

drill(id='sql-monthly-revenue-previous-month', title='Monthly revenue beside the previous month', difficulty='medium', time=900,
  tags=['lag', 'window-functions', 'dates', 'gaps'], dataset='shop', ordered=True, compute=monthly,
  tests=[
    dict(data='sample', note='the sample shop: January to March, no gaps'),
    dict(data={'orders': [O(1, None, '2024-01-31', 10), O(2, None, '2024-03-01', 20)]},
         note='February had no orders: March has no previous-month revenue'),
    dict(data={'orders': [O(1, None, '2024-02-01', 10), O(2, None, '2024-02-29', 5), O(3, None, '2024-03-01', 7), O(4, None, '2024-03-31', 1, 'cancelled')]},
         note='the first and last day of a month, a leap day; cancelled orders do not count'),
    dict(hidden=True, data={'orders': [O(1, None, '2023-12-31', 3), O(2, None, '2024-01-01', 4)]}, note='across a year end'),
    dict(hidden=True, data={'orders': [O(1, None, '2024-01-15', 1), O(2, None, '2024-06-15', 2), O(3, None, '2024-07-15', 3)]}, note='a long gap, then consecutive months'),
    dict(hidden=True, data={'orders': []}, note='no orders'),
    dict(hidden=True, data={'orders': [O(1, None, '2024-05-10', 9.99)]}, note='a single month'),
    dict(hidden=True, data={'orders': [O(i, None, f'2024-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}', i * 3.5, 'refunded' if i % 5 == 0 else 'completed') for i in range(1, 40) if (i % 12) + 1 != 9]},
         note='a year without September; refunded orders do not count'),
  ],
  prompt='''
For each calendar month that has completed orders, return `month` (the first day of the month, as a
`date`), `revenue` (the sum of `amount` of its completed orders) and `prev_month_revenue`: the
revenue of the calendar month just before it, or NULL if that month had no completed orders.
Sort by `month` (row order matters).
''',
  starter='''
SELECT order_date AS month, amount AS revenue, NULL AS prev_month_revenue
FROM orders
ORDER BY 1;
''',
  solution='''
WITH monthly AS (
  SELECT date_trunc('month', order_date)::date AS month, SUM(amount) AS revenue
  FROM orders
  WHERE status = 'completed'
  GROUP BY 1
)
SELECT m.month, m.revenue, p.revenue AS prev_month_revenue
FROM monthly AS m
LEFT JOIN monthly AS p ON p.month = (m.month - INTERVAL '1 month')::date
ORDER BY m.month;
''',
  wrong=[
    ('LAG takes the previous row, which is two months back when a month is missing',
     "WITH monthly AS (\n  SELECT date_trunc('month', order_date)::date AS month, SUM(amount) AS revenue\n  FROM orders\n  WHERE status = 'completed'\n  GROUP BY 1\n)\nSELECT month, revenue, LAG(revenue) OVER (ORDER BY month) AS prev_month_revenue\nFROM monthly\nORDER BY month;"),
    ('an inner self-join drops every month without a previous month',
     "WITH monthly AS (\n  SELECT date_trunc('month', order_date)::date AS month, SUM(amount) AS revenue\n  FROM orders\n  WHERE status = 'completed'\n  GROUP BY 1\n)\nSELECT m.month, m.revenue, p.revenue AS prev_month_revenue\nFROM monthly AS m\nJOIN monthly AS p ON p.month = (m.month - INTERVAL '1 month')::date\nORDER BY m.month;"),
    ('previous month taken as 30 days back: wrong for 31-day months and around February',
     "WITH monthly AS (\n  SELECT date_trunc('month', order_date)::date AS month, SUM(amount) AS revenue\n  FROM orders\n  WHERE status = 'completed'\n  GROUP BY 1\n)\nSELECT m.month, m.revenue, p.revenue AS prev_month_revenue\nFROM monthly AS m\nLEFT JOIN monthly AS p ON p.month = date_trunc('month', m.month - 30)::date\nORDER BY m.month;"),
  ],
  answer='''
Aggregate by month first (`date_trunc('month', order_date)::date`; on a `date` it returns a
`timestamptz`, hence the cast), then look up the previous calendar month explicitly with a self
`LEFT JOIN` on `month - INTERVAL '1 month'`.

`LAG(revenue) OVER (ORDER BY month)` is the usual answer and is wrong whenever a month is missing:
it returns the previous *row*, not the previous month. Either join on the calendar, or fill the
calendar first with `generate_series(min_month, max_month, '1 month')` and then use `LAG`. Use
`LEFT JOIN` so months without a predecessor keep a NULL.
''',
  rubric='''
- Aggregates completed orders by calendar month first.
- Explains that `LAG` returns the previous row, which is not the previous month when months are missing.
- Finds the previous month by calendar arithmetic (`INTERVAL '1 month'`) or a generated calendar.
- Keeps months with no previous month (outer join), with NULL.
- Sorts the output by month.
''',
  hints='''
- What does `LAG` return for March if February has no row?
- What type does `date_trunc('month', a_date)` return?
''',
  followups='''
- How would you show months with no orders as 0?

  Generate the months with `generate_series(first, last, INTERVAL '1 month')`, `LEFT JOIN` the
  revenue and `COALESCE(revenue, 0)`; then `LAG` is correct.
- Month-over-month growth as a fraction?

  `revenue / NULLIF(prev_month_revenue, 0) - 1`; NULL when there is no previous month or it was 0.
''')
