from fw import *
from collections import defaultdict, Counter
from fractions import Fraction

Em = lambda eid, dept, mgr, sal, name=None: [eid, name or f'e{eid}', dept, mgr, sal]

# ---------------------------------------------------------------- second highest salary per dept
def second(t):
    by = defaultdict(set); depts = []
    for e in t['employees']:
        if e['dept'] not in depts: depts.append(e['dept'])
        if e['salary'] is not None: by[e['dept']].add(e['salary'])
    out = []
    for dpt in depts:
        s = sorted(by[dpt], reverse=True)
        out.append([dpt, s[1] if len(s) > 1 else None])
    return ['dept', 'second_salary'], out

drill(id='sql-second-highest-salary-per-department', title='Second-highest salary in each department', difficulty='medium', time=900,
  tags=['dense-rank', 'window-functions', 'nulls', 'nth-highest'], dataset='staff', compute=second,
  tests=[
    dict(data='sample', note='the sample staff: a tie in eng, an undisclosed salary in sales'),
    dict(data={'employees': [Em(1, 'eng', None, 100), Em(2, 'eng', 1, 100), Em(3, 'eng', 1, 90)]}, note='a tie at the top: the second distinct salary is 90'),
    dict(data={'employees': [Em(1, 'ops', None, 100), Em(2, 'ops', 1, None), Em(3, 'hr', 1, 70)]}, note='NULL salaries do not rank; a department with one known salary gets NULL'),
    dict(hidden=True, data={'employees': [Em(1, 'eng', None, None), Em(2, 'eng', 1, None)]}, note='no known salaries'),
    dict(hidden=True, data={'employees': [Em(1, 'a', None, 50), Em(2, 'a', 1, 50), Em(3, 'a', 1, 50)]}, note='all salaries equal: no second salary'),
    dict(hidden=True, data={'employees': [Em(1, 'a', None, 300), Em(2, 'b', 1, 200), Em(3, 'a', 1, 150), Em(4, 'b', 1, 120), Em(5, 'b', 1, 120), Em(6, 'a', 1, 100)]}, note='each department ranks on its own'),
    dict(hidden=True, data={'employees': [Em(1, 'x', None, 10), Em(2, 'x', 1, None), Em(3, 'x', 1, 9), Em(4, 'x', 1, 9), Em(5, 'x', 1, 8)]}, note='a NULL beside a tie for second'),
    dict(hidden=True, data={'employees': [Em(i, ['eng', 'ops', 'hr', 'law'][i % 4], None if i == 1 else 1, None if i % 7 == 0 else 1000 * ((i * 3) % 5)) for i in range(1, 25)]}, note='24 employees in four departments'),
  ],
  prompt='''
For each department (every department that has employees), return `dept` and `second_salary`: the
second-highest **distinct** known salary in it, or NULL when there is none. Undisclosed salaries
(NULL) are ignored. With salaries 100, 100 and 90 the answer is 90. Any row order.
''',
  starter='''
SELECT dept, MAX(salary) AS second_salary
FROM employees
GROUP BY dept;
''',
  solution='''
WITH ranked AS (
  SELECT dept, salary,
         DENSE_RANK() OVER (PARTITION BY dept ORDER BY salary DESC) AS rnk
  FROM employees
  WHERE salary IS NOT NULL
)
SELECT d.dept, MAX(r.salary) AS second_salary
FROM (SELECT DISTINCT dept FROM employees) AS d
LEFT JOIN ranked AS r ON r.dept = d.dept AND r.rnk = 2
GROUP BY d.dept;
''',
  wrong=[
    ('ROW_NUMBER: with a tie at the top, the second row repeats the top salary',
     'WITH ranked AS (\n  SELECT dept, salary, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY salary DESC) AS rnk\n  FROM employees WHERE salary IS NOT NULL\n)\nSELECT d.dept, MAX(r.salary) AS second_salary\nFROM (SELECT DISTINCT dept FROM employees) AS d\nLEFT JOIN ranked AS r ON r.dept = d.dept AND r.rnk = 2\nGROUP BY d.dept;'),
    ('NULLs sort first in DESC order in Postgres: an undisclosed salary takes rank 1',
     'WITH ranked AS (\n  SELECT dept, salary, DENSE_RANK() OVER (PARTITION BY dept ORDER BY salary DESC) AS rnk\n  FROM employees\n)\nSELECT d.dept, MAX(r.salary) AS second_salary\nFROM (SELECT DISTINCT dept FROM employees) AS d\nLEFT JOIN ranked AS r ON r.dept = d.dept AND r.rnk = 2\nGROUP BY d.dept;'),
    ('RANK skips rank 2 after a tie at the top',
     'WITH ranked AS (\n  SELECT dept, salary, RANK() OVER (PARTITION BY dept ORDER BY salary DESC) AS rnk\n  FROM employees WHERE salary IS NOT NULL\n)\nSELECT d.dept, MAX(r.salary) AS second_salary\nFROM (SELECT DISTINCT dept FROM employees) AS d\nLEFT JOIN ranked AS r ON r.dept = d.dept AND r.rnk = 2\nGROUP BY d.dept;'),
    ('filtering rank 2 in an inner query drops departments without a second salary',
     'SELECT dept, salary AS second_salary\nFROM (\n  SELECT DISTINCT dept, salary, DENSE_RANK() OVER (PARTITION BY dept ORDER BY salary DESC) AS rnk\n  FROM employees WHERE salary IS NOT NULL\n) AS r\nWHERE rnk = 2;'),
  ],
  answer='''
Rank distinct salaries per department with `DENSE_RANK() OVER (PARTITION BY dept ORDER BY salary
DESC)` after removing NULL salaries, pick rank 2, and `LEFT JOIN` that to the list of departments so
those without a second salary appear with NULL.

Three traps: `ROW_NUMBER` and `RANK` mishandle a tie at the top (the second row repeats the top
value, or rank 2 does not exist); in Postgres NULLs sort **first** in descending order, so an
undisclosed salary becomes rank 1 unless filtered or ordered `DESC NULLS LAST`; and filtering rank
2 alone loses departments with fewer than two distinct salaries.
''',
  rubric='''
- Uses `DENSE_RANK` per department, ordered by salary descending.
- Excludes NULL salaries (or orders with `NULLS LAST`).
- Says Postgres sorts NULLs first in `DESC` order.
- Explains why `ROW_NUMBER` or `RANK` fails on a tie at the top.
- Keeps departments without a second salary, with NULL.
''',
  hints='''
- In Postgres, where do NULLs go in `ORDER BY salary DESC`?
''',
  followups='''
- How would you get the N-th highest for any N?

  Replace the 2 with a parameter; `DENSE_RANK` handles every N, and the outer join keeps
  departments with fewer than N distinct salaries.
- A version without window functions?

  `SELECT MAX(salary) FROM employees e2 WHERE e2.dept = d.dept AND e2.salary < (SELECT
  MAX(salary) FROM employees e3 WHERE e3.dept = d.dept)` as a correlated subquery.
''')

# ---------------------------------------------------------------- above dept average
def above(t):
    by = defaultdict(list)
    for e in t['employees']:
        if e['salary'] is not None: by[e['dept']].append(e['salary'])
    out = []
    for e in t['employees']:
        if e['salary'] is None: continue
        avg = Fraction(sum(by[e['dept']]), len(by[e['dept']]))
        if e['salary'] > avg: out.append([e['emp_id'], e['name'], e['dept']])
    return ['emp_id', 'name', 'dept'], out

drill(id='sql-above-department-average', title='Paid above their department average', difficulty='easy', time=600,
  tags=['window-functions', 'avg', 'nulls', 'partition-by'], dataset='staff', compute=above,
  tests=[
    dict(data='sample', note='the sample staff'),
    dict(data={'employees': [Em(1, 'a', None, 100), Em(2, 'a', 1, 50), Em(3, 'b', 1, 60), Em(4, 'b', 1, 40)]}, note='each department has its own average; the company average is not used'),
    dict(data={'employees': [Em(1, 'a', None, 90), Em(2, 'a', 1, None), Em(3, 'a', 1, 60)]}, note='an undisclosed salary is not 0: the average is 75'),
    dict(hidden=True, data={'employees': [Em(1, 'a', None, 70), Em(2, 'a', 1, 70)]}, note='equal to the average is not above it'),
    dict(hidden=True, data={'employees': [Em(1, 'a', None, 10), Em(2, 'a', 1, 10), Em(3, 'a', 1, 11)]}, note='average 31/3: only 11 is above'),
    dict(hidden=True, data={'employees': [Em(1, 'a', None, None)]}, note='only an undisclosed salary'),
    dict(hidden=True, data={'employees': [Em(1, 'a', None, 100), Em(2, 'a', 1, None), Em(3, 'a', 1, None), Em(4, 'a', 1, 20), Em(5, 'a', 1, 30)]}, note='several NULLs'),
    dict(hidden=True, data={'employees': [Em(i, ['eng', 'ops', 'hr'][i % 3], None if i == 1 else 1, None if i % 5 == 0 else 1000 + (i * 37) % 400) for i in range(1, 22)]}, note='21 employees'),
  ],
  prompt='''
Return the employees whose salary is strictly above the average salary of their own department.
Undisclosed salaries (NULL) neither count in the average nor qualify. Return `emp_id`, `name` and
`dept`, in any order.
''',
  starter='''
SELECT emp_id, name, dept
FROM employees
WHERE salary > 100000;
''',
  solution='''
SELECT emp_id, name, dept
FROM (
  SELECT emp_id, name, dept, salary,
         AVG(salary) OVER (PARTITION BY dept) AS dept_avg
  FROM employees
) AS e
WHERE salary > dept_avg;
''',
  wrong=[
    ('no PARTITION BY: compares with the company-wide average',
     'SELECT emp_id, name, dept\nFROM (SELECT emp_id, name, dept, salary, AVG(salary) OVER () AS dept_avg FROM employees) AS e\nWHERE salary > dept_avg;'),
    ('COALESCE(salary, 0) drags the average down with undisclosed salaries',
     'SELECT emp_id, name, dept\nFROM (SELECT emp_id, name, dept, salary,\n             AVG(COALESCE(salary, 0)) OVER (PARTITION BY dept) AS dept_avg FROM employees) AS e\nWHERE salary > dept_avg;'),
    ('>= lets employees exactly at the average through',
     'SELECT emp_id, name, dept\nFROM (SELECT emp_id, name, dept, salary, AVG(salary) OVER (PARTITION BY dept) AS dept_avg FROM employees) AS e\nWHERE salary >= dept_avg;'),
  ],
  answer='''
`AVG(salary) OVER (PARTITION BY dept)` puts the department average on every row; filter in an
outer query, because window functions are computed after `WHERE`. `AVG` ignores NULLs, which is
what "undisclosed salaries do not count" means, and a NULL salary never satisfies `>`.

The alternative is a join to a grouped subquery (`SELECT dept, AVG(salary) ... GROUP BY dept`).
Replacing NULLs by 0 changes the question: it claims those people are unpaid.
''',
  rubric='''
- Computes the average per department (window with `PARTITION BY` or a grouped join).
- Filters in an outer query, since window functions cannot be used in `WHERE`.
- Says `AVG` ignores NULLs and does not replace them by 0.
- Uses a strict `>`.
''',
  hints='''
- Can you use a window function inside `WHERE`?
''',
  followups='''
- How would you also show how far above the average each one is?

  Select `salary - dept_avg` (or `salary / dept_avg - 1` as a fraction) in the outer query.
- Why might the median be a better reference?

  Salaries are skewed: one executive raises the mean; `percentile_cont(0.5) WITHIN GROUP (ORDER BY
  salary)` per department is robust to that.
''')

# ---------------------------------------------------------------- headcount recursive
def headcount(t):
    kids = defaultdict(list)
    for e in t['employees']:
        if e['manager_id'] is not None: kids[e['manager_id']].append(e['emp_id'])
    def count(x):
        return sum(1 + count(k) for k in kids[x])
    return ['emp_id', 'reports'], [[e['emp_id'], count(e['emp_id'])] for e in t['employees']]

drill(id='sql-recursive-headcount', title='Everyone under each manager (recursive CTE)', difficulty='hard', time=1500,
  tags=['recursive-cte', 'hierarchy', 'left-join'], dataset='staff', compute=headcount,
  tests=[
    dict(data='sample', note='the sample staff: three levels under the CEO'),
    dict(data={'employees': [Em(1, 'a', None, 1), Em(2, 'a', 1, 1), Em(3, 'a', 2, 1), Em(4, 'a', 3, 1)]}, note='a chain of four: 3, 2, 1, 0'),
    dict(data={'employees': [Em(1, 'a', None, 1), Em(2, 'a', 1, 1), Em(3, 'a', 1, 1)]}, note='people with no reports have 0'),
    dict(hidden=True, data={'employees': [Em(1, 'a', None, 1)]}, note='one person'),
    dict(hidden=True, data={'employees': [Em(1, 'a', None, 1), Em(2, 'b', None, 1), Em(3, 'a', 1, 1), Em(4, 'b', 2, 1), Em(5, 'b', 4, 1)]}, note='two separate trees'),
    dict(hidden=True, data={'employees': [Em(i, 'a', None if i == 1 else i // 2, 1) for i in range(1, 16)]}, note='a full binary tree of 15'),
    dict(hidden=True, data={'employees': [Em(i, 'a', None if i == 1 else 1, 1) for i in range(1, 11)]}, note='a flat team of nine under one manager'),
    dict(hidden=True, data={'employees': [Em(10, 'a', 30, 1), Em(20, 'a', None, 1), Em(30, 'a', 20, 1), Em(40, 'a', 10, 1)]}, note='ids out of hierarchy order'),
  ],
  prompt='''
For every employee, count all the people who report to them directly or indirectly (their whole
subtree, not counting themselves). Return `emp_id` and `reports` for every employee, 0 for people
with no reports, in any order.
''',
  starter='''
SELECT e.emp_id, COUNT(r.emp_id) AS reports
FROM employees AS e
LEFT JOIN employees AS r ON r.manager_id = e.emp_id
GROUP BY e.emp_id;
''',
  solution='''
WITH RECURSIVE chain (ancestor, emp_id) AS (
  SELECT manager_id, emp_id
  FROM employees
  WHERE manager_id IS NOT NULL
  UNION ALL
  SELECT e.manager_id, c.emp_id
  FROM chain AS c
  JOIN employees AS e ON e.emp_id = c.ancestor
  WHERE e.manager_id IS NOT NULL
)
SELECT e.emp_id, COUNT(c.emp_id) AS reports
FROM employees AS e
LEFT JOIN chain AS c ON c.ancestor = e.emp_id
GROUP BY e.emp_id;
''',
  wrong=[
    ('direct reports only: a join goes one level down',
     'SELECT e.emp_id, COUNT(r.emp_id) AS reports\nFROM employees AS e\nLEFT JOIN employees AS r ON r.manager_id = e.emp_id\nGROUP BY e.emp_id;'),
    ('the recursion starts from every employee paired with themselves, so each count includes the person',
     'WITH RECURSIVE chain (ancestor, emp_id) AS (\n  SELECT emp_id, emp_id FROM employees\n  UNION ALL\n  SELECT c.ancestor, e.emp_id FROM chain AS c JOIN employees AS e ON e.manager_id = c.emp_id\n)\nSELECT ancestor AS emp_id, COUNT(*) AS reports\nFROM chain\nGROUP BY ancestor;'),
    ('counts only the (ancestor, report) pairs the chain holds: without a LEFT JOIN from employees, everyone with no reports is missing',
     'WITH RECURSIVE chain (ancestor, emp_id) AS (\n  SELECT manager_id, emp_id FROM employees WHERE manager_id IS NOT NULL\n  UNION ALL\n  SELECT e.manager_id, c.emp_id FROM chain AS c JOIN employees AS e ON e.emp_id = c.ancestor\n  WHERE e.manager_id IS NOT NULL\n)\nSELECT ancestor AS emp_id, COUNT(*) AS reports\nFROM chain\nGROUP BY ancestor;'),
  ],
  answer='''
Build the transitive closure of "manages" with a recursive CTE: start from the direct pairs
(manager, employee), then repeatedly replace the ancestor by its own manager until there is none.
Each (ancestor, descendant) pair then appears exactly once in a tree, so counting pairs per
ancestor gives the subtree size; a `LEFT JOIN` from all employees gives 0 to people with no
reports.

A recursive CTE is the anchor query `UNION ALL` the recursive term, which reads the rows the
previous step produced, until a step adds none. On data with a cycle it would never end: guard
with a depth limit, a path array (`WHERE NOT e.emp_id = ANY(path)`), or Postgres 14's `CYCLE`
clause.
''',
  rubric='''
- Uses `WITH RECURSIVE` with an anchor of direct manager pairs and a recursive step up or down the tree.
- Counts each descendant once per ancestor, not counting the person themselves.
- Gives people with no reports 0 (outer join).
- Explains that the recursion stops when a step adds no rows.
- Names a guard against cycles (depth limit, path array or `CYCLE`).
''',
  hints='''
- Start from the pairs (manager, direct report). How do you get (grand-manager, report)?
- What would make a recursive CTE run forever?
''',
  followups='''
- How would you list each employee's depth below the CEO?

  Anchor on `manager_id IS NULL` with depth 0, and in the recursive step join children with
  `depth + 1`.
- When would you store the hierarchy differently?

  For frequent subtree queries on a large, rarely changing tree: a materialised path (`ltree`) or
  a closure table trades write cost for reads without recursion.
''')
