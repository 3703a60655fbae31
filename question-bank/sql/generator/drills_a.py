from fw import *
from collections import defaultdict, Counter
from fractions import Fraction

C = lambda cid, name='X', country='UK', signup='2024-01-01': [cid, name, country, signup]
O = lambda oid, cid, day, amount, status='completed': [oid, cid, day, amount, status]

# ---------------------------------------------------------------- 1
def customers_without_orders(t):
    ordered = {o['customer_id'] for o in t['orders'] if o['customer_id'] is not None}
    return ['customer_id', 'name'], [[c['customer_id'], c['name']] for c in t['customers'] if c['customer_id'] not in ordered]

drill(id='sql-customers-without-orders', title='Customers who never ordered', difficulty='easy', time=600,
  tags=['anti-join', 'not-exists', 'nulls'], dataset='shop', compute=customers_without_orders,
  tests=[
    dict(data='sample', note='the sample shop: a guest order has no customer_id'),
    dict(data={'customers': [C(1, 'Ana'), C(2, 'Ben')], 'orders': [O(1, None, '2024-01-02', 10)]},
         note='only a guest order exists (customer_id NULL): nobody has ordered'),
    dict(data={'customers': [C(1, 'Ana'), C(2, 'Ben'), C(3, 'Cy')], 'orders': [O(1, 2, '2024-01-02', 10, 'cancelled')]},
         note='a cancelled order still counts as an order'),
    dict(hidden=True, data={'customers': [C(1, 'Ana'), C(2, 'Ben')], 'orders': [O(1, 1, '2024-01-02', 10), O(2, 2, '2024-01-03', 5)]},
         note='everyone has ordered: empty result'),
    dict(hidden=True, data={'customers': [C(1, 'Ana'), C(2, 'Ana'), C(3, 'Bo')], 'orders': [O(1, 3, '2024-01-02', 10), O(2, 3, '2024-01-03', 5), O(3, None, '2024-01-03', 5)]},
         note='two customers share a name; one customer has several orders; a guest order'),
    dict(hidden=True, data={'customers': [C(1, 'Ana')]}, note='no orders at all'),
    dict(hidden=True, data={'customers': [C(i, f'c{i}') for i in range(1, 9)],
         'orders': [O(10 + i, i, '2024-02-01', 5, ['completed', 'refunded', 'cancelled'][i % 3]) for i in range(1, 9, 2)] + [O(30, None, '2024-02-01', 1)]},
         note='refunded and cancelled orders count; guest orders present'),
    dict(hidden=True, data={'customers': [], 'orders': []}, note='no customers'),
  ],
  prompt='''
List the customers who have never placed an order. An order of any status counts; guest orders
(`customer_id` is NULL) belong to nobody. Return `customer_id` and `name`, in any order.
''',
  starter='''
-- One SELECT query. Tables: customers, orders (see the schema).
SELECT customer_id, name
FROM customers;
''',
  solution='''
SELECT c.customer_id, c.name
FROM customers AS c
WHERE NOT EXISTS (
  SELECT 1 FROM orders AS o WHERE o.customer_id = c.customer_id
);
''',
  wrong=[
    ('NOT IN over a column with NULLs: one guest order makes the result empty',
     'SELECT customer_id, name\nFROM customers\nWHERE customer_id NOT IN (SELECT customer_id FROM orders);'),
    ('the status filter in the join: customers with only cancelled or refunded orders are listed',
     "SELECT c.customer_id, c.name\nFROM customers AS c\nLEFT JOIN orders AS o\n  ON o.customer_id = c.customer_id AND o.status = 'completed'\nWHERE o.order_id IS NULL;"),
    ('an inner join can never produce the missing side: always empty',
     'SELECT c.customer_id, c.name\nFROM customers AS c\nJOIN orders AS o ON o.customer_id = c.customer_id\nWHERE o.order_id IS NULL;'),
  ],
  answer='''
An anti-join: keep a customer when no order row points at them. `NOT EXISTS` is the safe way to
write it; `LEFT JOIN ... WHERE o.order_id IS NULL` is equivalent (test a column that is never NULL
in a real match, such as the primary key).

The classic trap is `NOT IN (SELECT customer_id FROM orders)`. If the subquery returns a single
NULL (a guest order), `x NOT IN (..., NULL)` is `x <> ... AND x <> NULL`, which is never TRUE
(it is NULL or FALSE), so no row survives. Postgres plans `NOT EXISTS` as an anti-join (often a
hash anti-join), so it is also a fast form.
''',
  rubric='''
- Uses an anti-join: `NOT EXISTS` or `LEFT JOIN` with an `IS NULL` test on the joined key.
- Explains why `NOT IN` returns no rows when the subquery yields a NULL.
- Counts orders of every status (no status filter).
- Returns one row per customer, even when a customer shares a name with another.
''',
  hints='''
- What does `3 NOT IN (1, NULL)` evaluate to?
''',
  followups='''
- How would you make `NOT IN` safe?

  Filter the NULLs out inside the subquery (`WHERE customer_id IS NOT NULL`); then it is correct,
  though `NOT EXISTS` stays the clearer and usually faster form.
- Customers with no completed order?

  Move the status test into the subquery: `NOT EXISTS (SELECT 1 FROM orders o WHERE
  o.customer_id = c.customer_id AND o.status = 'completed')`.
''')

# ---------------------------------------------------------------- 2
def completed_per_customer(t):
    n = Counter(o['customer_id'] for o in t['orders'] if o['status'] == 'completed')
    return ['customer_id', 'completed_orders'], [[c['customer_id'], n[c['customer_id']]] for c in t['customers']]

drill(id='sql-completed-orders-per-customer', title='Completed orders per customer, zeros included', difficulty='easy', time=600,
  tags=['left-join', 'count', 'group-by'], dataset='shop', compute=completed_per_customer,
  tests=[
    dict(data='sample', note='the sample shop: two customers have no completed order'),
    dict(data={'customers': [C(1), C(2)], 'orders': [O(1, 1, '2024-01-01', 5)]}, note='a customer with no orders has 0'),
    dict(data={'customers': [C(1), C(2)], 'orders': [O(1, 1, '2024-01-01', 5, 'cancelled'), O(2, 2, '2024-01-01', 5)]},
         note='a customer whose only order was cancelled has 0 and is still listed'),
    dict(hidden=True, data={'customers': [C(1)], 'orders': []}, note='no orders at all'),
    dict(hidden=True, data={'customers': [C(1), C(2), C(3)], 'orders': [O(i, 1, '2024-01-01', 5) for i in range(1, 6)] + [O(9, None, '2024-01-02', 3)]},
         note='five orders for one customer, a guest order, two customers at 0'),
    dict(hidden=True, data={'customers': [C(1), C(2)], 'orders': [O(1, 1, '2024-01-01', 5, 'refunded'), O(2, 1, '2024-01-02', 5, 'refunded'), O(3, 2, '2024-01-02', 5, 'completed'), O(4, 2, '2024-01-02', 5, 'cancelled')]},
         note='refunded and cancelled orders do not count'),
    dict(hidden=True, data={'customers': [C(i) for i in range(1, 7)], 'orders': [O(10 * i + k, i, '2024-03-01', 1, 'completed' if k % 2 else 'cancelled') for i in range(1, 7) for k in range(i % 4)]},
         note='mixed counts 0 to 2'),
    dict(hidden=True, data={'customers': [], 'orders': []}, note='empty shop'),
  ],
  prompt='''
For every customer, count their completed orders (`status = 'completed'`). Customers with none
must appear with 0. Return `customer_id` and `completed_orders`, in any order.
''',
  starter='''
SELECT c.customer_id, COUNT(*) AS completed_orders
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.customer_id
GROUP BY c.customer_id;
''',
  solution='''
SELECT c.customer_id, COUNT(o.order_id) AS completed_orders
FROM customers AS c
LEFT JOIN orders AS o
  ON o.customer_id = c.customer_id
 AND o.status = 'completed'
GROUP BY c.customer_id;
''',
  wrong=[
    ('COUNT(*) counts the NULL-extended row: customers with no orders get 1',
     "SELECT c.customer_id, COUNT(*) AS completed_orders\nFROM customers AS c\nLEFT JOIN orders AS o\n  ON o.customer_id = c.customer_id AND o.status = 'completed'\nGROUP BY c.customer_id;"),
    ('the status filter in WHERE turns the LEFT JOIN into an inner join: zero rows vanish',
     "SELECT c.customer_id, COUNT(o.order_id) AS completed_orders\nFROM customers AS c\nLEFT JOIN orders AS o ON o.customer_id = c.customer_id\nWHERE o.status = 'completed'\nGROUP BY c.customer_id;"),
    ('an inner join drops customers without completed orders',
     "SELECT o.customer_id, COUNT(*) AS completed_orders\nFROM orders AS o\nJOIN customers AS c ON c.customer_id = o.customer_id\nWHERE o.status = 'completed'\nGROUP BY o.customer_id;"),
  ],
  answer='''
Keep every customer with a `LEFT JOIN`, put the status condition in the `ON` clause, and count a
column of the joined table: `COUNT(o.order_id)` skips the NULL-extended row a customer without
orders gets, so they show 0.

Two mistakes give wrong numbers without any error: `COUNT(*)` counts that NULL-extended row (1
instead of 0), and a `WHERE o.status = 'completed'` after the join removes the NULL rows, which
silently makes the outer join an inner join.
''',
  rubric='''
- Starts from customers with a `LEFT JOIN` to orders.
- Puts the status condition in the `ON` clause, not in `WHERE`.
- Counts a column of orders (`COUNT(o.order_id)`), not `COUNT(*)`.
- Explains why a `WHERE` on the right table turns the outer join into an inner join.
''',
  hints='''
- What row does a LEFT JOIN produce for a customer without a matching order, and what does `COUNT(*)` do with it?
''',
  followups='''
- How would you also return their completed revenue, 0 when none?

  `COALESCE(SUM(o.amount), 0)`: `SUM` over only NULLs is NULL, not 0.
- Could you write it without a join?

  Yes, a correlated subquery in the select list: `(SELECT COUNT(*) FROM orders o WHERE
  o.customer_id = c.customer_id AND o.status = 'completed')`; here `COUNT(*)` is right, since
  only matching rows exist.
''')

# ---------------------------------------------------------------- 3
def revenue_by_country(t):
    country = {c['customer_id']: c['country'] for c in t['customers']}
    tot = defaultdict(Decimal)
    for o in t['orders']:
        if o['status'] == 'completed' and o['customer_id'] is not None:
            tot[country[o['customer_id']]] += o['amount']
    return ['country', 'revenue'], [[k, float(v)] for k, v in tot.items() if v >= 250]

drill(id='sql-countries-revenue-having', title='Countries with revenue of 250 or more', difficulty='easy', time=600,
  tags=['group-by', 'having', 'where'], dataset='shop', compute=revenue_by_country,
  tests=[
    dict(data='sample', note='the sample shop'),
    dict(data={'customers': [C(1, country='PT'), C(2, country='PT')], 'orders': [O(1, 1, '2024-01-01', 150), O(2, 2, '2024-01-01', 100)]},
         note='exactly 250.00 qualifies; no single order reaches 250'),
    dict(data={'customers': [C(1, country='PT'), C(2, country=None)], 'orders': [O(1, 1, '2024-01-01', 300, 'cancelled'), O(2, 2, '2024-01-01', 260)]},
         note='cancelled orders do not count; customers with no country form the NULL group'),
    dict(hidden=True, data={'customers': [C(1, country='UK')], 'orders': [O(1, 1, '2024-01-01', 249.99)]}, note='249.99 is below the bar'),
    dict(hidden=True, data={'customers': [C(1, country='UK'), C(2, country='FR')], 'orders': [O(1, 1, '2024-01-01', 600), O(2, 2, '2024-01-01', 100), O(3, 2, '2024-01-05', 100), O(4, 2, '2024-01-06', 50), O(5, None, '2024-01-06', 900)]},
         note='a big single order and a country reaching 250 in three; a guest order belongs to no country'),
    dict(hidden=True, data={'customers': [C(1, country='UK')], 'orders': [O(1, 1, '2024-01-01', 200), O(2, 1, '2024-01-02', 100, 'refunded')]}, note='refunded orders do not count'),
    dict(hidden=True, data={'customers': [C(1, country='UK')], 'orders': []}, note='no orders'),
    dict(hidden=True, data={'customers': [C(i, country=['UK', 'PT', 'DE', None][i % 4]) for i in range(1, 13)],
         'orders': [O(i, (i % 12) + 1, '2024-02-01', 25 * (i % 5) + 10, 'completed' if i % 6 else 'cancelled') for i in range(1, 40)]},
         note='many small orders per country'),
  ],
  prompt='''
Which countries bring in at least 250.00 of revenue from completed orders? Revenue is the sum of
`amount` over completed orders of the country's customers; guest orders have no country and are
left out; customers with no country together form the group whose `country` is NULL. Return
`country` and `revenue`, in any order.
''',
  starter='''
SELECT c.country, SUM(o.amount) AS revenue
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.customer_id
GROUP BY c.country;
''',
  solution='''
SELECT c.country, SUM(o.amount) AS revenue
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.customer_id
WHERE o.status = 'completed'
GROUP BY c.country
HAVING SUM(o.amount) >= 250;
''',
  wrong=[
    ('filters single orders in WHERE instead of the group total in HAVING',
     "SELECT c.country, SUM(o.amount) AS revenue\nFROM customers AS c\nJOIN orders AS o ON o.customer_id = c.customer_id\nWHERE o.status = 'completed' AND o.amount >= 250\nGROUP BY c.country;"),
    ('strict > drops a country at exactly 250.00',
     "SELECT c.country, SUM(o.amount) AS revenue\nFROM customers AS c\nJOIN orders AS o ON o.customer_id = c.customer_id\nWHERE o.status = 'completed'\nGROUP BY c.country\nHAVING SUM(o.amount) > 250;"),
    ('no status filter: cancelled and refunded orders count as revenue',
     'SELECT c.country, SUM(o.amount) AS revenue\nFROM customers AS c\nJOIN orders AS o ON o.customer_id = c.customer_id\nGROUP BY c.country\nHAVING SUM(o.amount) >= 250;'),
  ],
  answer='''
`WHERE` filters rows before grouping, `HAVING` filters groups after aggregation. The status test is
about single orders, so it belongs in `WHERE`; the 250 bar is about a country's total, so it
belongs in `HAVING` and must repeat the aggregate (Postgres does not let `HAVING` use the output
alias `revenue`).

`GROUP BY` treats NULLs as one group, so customers without a country form a row whose country is
NULL. The bar is inclusive: "at least" is `>=`.
''',
  rubric='''
- Puts the per-order status filter in `WHERE`.
- Puts the threshold on the aggregate in `HAVING`.
- Uses `>=` for "at least".
- Says `GROUP BY` puts all NULL countries in one group.
''',
  hints='''
- Which condition is about one order, and which is about a whole country?
''',
  followups='''
- Why can't `HAVING revenue >= 250` refer to the alias?

  `HAVING` is evaluated before the select list in SQL's logical order, so the alias does not exist
  yet; Postgres accepts output aliases only in `ORDER BY` and `GROUP BY`.
- How would you show countries below the bar as well, with a flag?

  Drop the `HAVING` and add `SUM(o.amount) >= 250 AS big_market` to the select list.
''')

# ---------------------------------------------------------------- 4
def cancel_rate(t):
    country = {c['customer_id']: c['country'] for c in t['customers']}
    tot = Counter(); canc = Counter()
    for o in t['orders']:
        if o['customer_id'] is None: continue
        k = country[o['customer_id']]
        tot[k] += 1
        canc[k] += o['status'] == 'cancelled'
    return ['country', 'cancel_rate'], [[k, float(Fraction(canc[k], tot[k]))] for k in tot]

drill(id='sql-cancellation-rate', title='Cancellation rate per country', difficulty='easy', time=600,
  tags=['integer-division', 'filter', 'case', 'group-by'], dataset='shop', compute=cancel_rate,
  tests=[
    dict(data='sample', note='the sample shop'),
    dict(data={'customers': [C(1, country='UK')], 'orders': [O(1, 1, '2024-01-01', 5, 'cancelled'), O(2, 1, '2024-01-02', 5), O(3, 1, '2024-01-03', 5)]},
         note='one of three cancelled: 1/3, not 0'),
    dict(data={'customers': [C(1, country='UK'), C(2, country='PT')], 'orders': [O(1, 1, '2024-01-01', 5), O(2, 2, '2024-01-02', 5, 'cancelled')]},
         note='a country with no cancellations has rate 0; one with only cancellations has 1'),
    dict(hidden=True, data={'customers': [C(1, country=None), C(2, country=None)], 'orders': [O(1, 1, '2024-01-01', 5, 'cancelled'), O(2, 2, '2024-01-01', 5, 'refunded'), O(3, 2, '2024-01-01', 5, 'refunded')]},
         note='refunded is not cancelled; the NULL-country group'),
    dict(hidden=True, data={'customers': [C(1, country='UK')], 'orders': [O(i, 1, '2024-01-01', 5, 'cancelled' if i <= 2 else 'completed') for i in range(1, 8)] + [O(20, None, '2024-01-01', 5, 'cancelled')]},
         note='2 of 7; a cancelled guest order is left out'),
    dict(hidden=True, data={'customers': [C(1, country='UK'), C(2, country='DE')], 'orders': [O(1, 1, '2024-01-01', 5)]}, note='a country without orders does not appear'),
    dict(hidden=True, data={'customers': [C(1, country='UK')], 'orders': [O(1, 1, '2024-01-01', 5, 'cancelled')]}, note='a single cancelled order: 1'),
    dict(hidden=True, data={'customers': [C(i, country=['UK', 'PT', 'DE'][i % 3]) for i in range(1, 10)],
         'orders': [O(i, (i % 9) + 1, '2024-02-01', 5, ['completed', 'cancelled', 'refunded', 'completed', 'cancelled'][i % 5]) for i in range(1, 50)]},
         note='49 orders across three countries'),
  ],
  prompt='''
For each country with at least one order, return the fraction of its customers' orders that were
cancelled, as a number between 0 and 1 (not a percentage, not rounded). Guest orders (no customer)
are left out; customers with no country form the group whose `country` is NULL. Return `country`
and `cancel_rate`, in any order.
''',
  starter='''
SELECT c.country, 0 AS cancel_rate
FROM customers AS c
GROUP BY c.country;
''',
  solution='''
SELECT c.country,
       AVG(CASE WHEN o.status = 'cancelled' THEN 1.0 ELSE 0.0 END) AS cancel_rate
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.customer_id
GROUP BY c.country;
''',
  wrong=[
    ('integer division: bigint / bigint truncates every rate below 1 to 0',
     "SELECT c.country,\n       COUNT(*) FILTER (WHERE o.status = 'cancelled') / COUNT(*) AS cancel_rate\nFROM customers AS c\nJOIN orders AS o ON o.customer_id = c.customer_id\nGROUP BY c.country;"),
    ('COUNT of a boolean counts FALSE too: every rate is 1',
     "SELECT c.country,\n       COUNT(o.status = 'cancelled') * 1.0 / COUNT(*) AS cancel_rate\nFROM customers AS c\nJOIN orders AS o ON o.customer_id = c.customer_id\nGROUP BY c.country;"),
    ('CASE without ELSE gives NULL for other orders, and AVG skips NULLs: the rate is 1 wherever any order was cancelled and NULL elsewhere',
     "SELECT c.country,\n       AVG(CASE WHEN o.status = 'cancelled' THEN 1.0 END) AS cancel_rate\nFROM customers AS c\nJOIN orders AS o ON o.customer_id = c.customer_id\nGROUP BY c.country;"),
  ],
  answer='''
Average an indicator: `AVG(CASE WHEN status = 'cancelled' THEN 1.0 ELSE 0.0 END)`, or
`COUNT(*) FILTER (WHERE status = 'cancelled')::numeric / COUNT(*)`.

Three silent traps: in Postgres an integer divided by an integer is an integer (1/3 = 0), so cast
one side first; `COUNT(expr)` counts every non-NULL value, and FALSE is not NULL; and a `CASE`
without `ELSE` yields NULL, which `AVG` ignores, so it averages over the cancelled orders only.
''',
  rubric='''
- Produces a fraction, casting to numeric (or using 1.0) before dividing.
- Says integer division truncates in Postgres.
- Counts only cancelled orders in the numerator (FILTER or CASE), with every order in the denominator.
- Gives the indicator an `ELSE 0` (or explains why a NULL would drop out of `AVG`).
''',
  hints='''
- What is `1 / 3` in Postgres?
''',
  followups='''
- How would you report it as a percentage with one decimal?

  `ROUND(100.0 * AVG(...), 1)`; round only for display, never before comparing or aggregating further.
- How do you avoid dividing by zero when a group can be empty?

  `x / NULLIF(COUNT(*), 0)` returns NULL instead of raising an error.
''')
