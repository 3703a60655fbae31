from fw import *

dataset('shop', 'A small web shop: customers, their orders (guest orders have no customer), products and order lines.',
'''
CREATE TABLE customers (
  customer_id integer PRIMARY KEY,
  name        text    NOT NULL,
  country     text,                      -- NULL when unknown
  signup_date date    NOT NULL
);
CREATE TABLE orders (
  order_id    integer PRIMARY KEY,
  customer_id integer REFERENCES customers (customer_id),  -- NULL for a guest checkout
  order_date  date    NOT NULL,
  amount      numeric(10, 2) NOT NULL,
  status      text    NOT NULL           -- 'completed', 'cancelled' or 'refunded'
);
CREATE TABLE products (
  product_id  integer PRIMARY KEY,
  name        text    NOT NULL,
  category    text    NOT NULL
);
CREATE TABLE order_items (
  order_id    integer NOT NULL REFERENCES orders (order_id),
  product_id  integer NOT NULL REFERENCES products (product_id),
  quantity    integer NOT NULL,
  unit_price  numeric(10, 2) NOT NULL
);
''',
{'customers': ['customer_id', 'name', 'country', 'signup_date'],
 'orders': ['order_id', 'customer_id', 'order_date', 'amount', 'status'],
 'products': ['product_id', 'name', 'category'],
 'order_items': ['order_id', 'product_id', 'quantity', 'unit_price']},
{'sample': {
  'customers': [
    [1, 'Ana', 'PT', '2024-01-03'], [2, 'Ben', 'UK', '2024-01-15'], [3, 'Chen', 'UK', '2024-02-01'],
    [4, 'Dara', 'IE', '2024-02-10'], [5, 'Eli', None, '2024-02-20'], [6, 'Femi', 'PT', '2024-03-05']],
  'orders': [
    [101, 1, '2024-01-05', 40.00, 'completed'], [102, 1, '2024-02-11', 120.00, 'completed'],
    [103, 2, '2024-01-20', 75.50, 'cancelled'], [104, 2, '2024-02-29', 210.00, 'completed'],
    [105, 3, '2024-02-03', 15.00, 'completed'], [106, 3, '2024-03-01', 50.00, 'refunded'],
    [107, None, '2024-03-02', 30.00, 'completed'], [108, 4, '2024-03-15', 200.00, 'completed'],
    [109, 1, '2024-03-31', 60.00, 'completed'], [110, 2, '2024-03-31', 45.00, 'completed']],
  'products': [[1, 'Kettle', 'kitchen'], [2, 'Mug', 'kitchen'], [3, 'Lamp', 'home'], [4, 'Rug', 'home'], [5, 'Novel', 'books']],
  'order_items': [
    [101, 2, 4, 10.00], [102, 1, 1, 80.00], [102, 2, 4, 10.00], [103, 3, 1, 75.50],
    [104, 4, 1, 150.00], [104, 3, 1, 60.00], [105, 5, 1, 15.00], [106, 3, 1, 50.00],
    [107, 2, 3, 10.00], [108, 4, 1, 150.00], [108, 5, 2, 25.00], [109, 1, 1, 60.00], [110, 5, 3, 15.00]],
}})
DATASETS['shop']['types'] = {'customers': {'signup_date': 'date'}, 'orders': {'order_date': 'date', 'amount': 'num'},
                             'order_items': {'unit_price': 'num'}}

dataset('product-events', 'Product analytics: app users and their event stream (timestamps in UTC, properties as JSON).',
'''
CREATE TABLE app_users (
  user_id     integer PRIMARY KEY,
  signup_date date    NOT NULL,
  country     text
);
CREATE TABLE events (
  event_id    integer     PRIMARY KEY,
  user_id     integer     NOT NULL REFERENCES app_users (user_id),
  event_time  timestamptz NOT NULL,
  event_type  text        NOT NULL,   -- 'login', 'view', 'add_to_cart', 'purchase'
  properties  jsonb       NOT NULL DEFAULT '{}'
);
''',
{'app_users': ['user_id', 'signup_date', 'country'],
 'events': ['event_id', 'user_id', 'event_time', 'event_type', 'properties']},
{'sample': {
  'app_users': [[1, '2024-01-10', 'UK'], [2, '2024-01-31', 'DE'], [3, '2024-02-01', 'UK'], [4, '2024-02-15', 'FR']],
  'events': [
    [1, 1, '2024-01-10 09:00:00+00', 'login', {}],
    [2, 1, '2024-01-10 09:05:00+00', 'view', {'item': 'sku-1', 'price': 20}],
    [3, 1, '2024-01-10 09:20:00+00', 'add_to_cart', {'item': 'sku-1'}],
    [4, 1, '2024-01-10 10:10:00+00', 'purchase', {'amount': 20.0, 'currency': 'GBP'}],
    [5, 1, '2024-02-02 18:00:00+00', 'login', {}],
    [6, 2, '2024-01-31 23:50:00+00', 'view', {'item': 'sku-2', 'price': 35}],
    [7, 2, '2024-02-01 00:10:00+00', 'add_to_cart', {'item': 'sku-2'}],
    [8, 2, '2024-03-01 12:00:00+00', 'login', {}],
    [9, 3, '2024-02-01 08:00:00+00', 'view', {'item': 'sku-3', 'price': 12}],
    [10, 3, '2024-02-01 08:30:00+00', 'purchase', {'amount': 12.5, 'currency': 'EUR'}],
    [11, 3, '2024-02-01 09:15:00+00', 'view', {'item': 'sku-1', 'price': 20}],
    [12, 4, '2024-02-15 07:00:00+00', 'login', {}]],
}})
DATASETS['product-events']['types'] = {'app_users': {'signup_date': 'date'}, 'events': {'event_time': 'ts'}}

dataset('experiment', 'An A/B test: which arm each user was assigned to, and their purchases (before and after assignment).',
'''
CREATE TABLE assignments (
  user_id     integer     PRIMARY KEY,
  arm         text        NOT NULL,   -- 'control' or 'treatment'
  assigned_at timestamptz NOT NULL
);
CREATE TABLE purchases (
  purchase_id  integer       PRIMARY KEY,
  user_id      integer       NOT NULL,
  purchased_at timestamptz   NOT NULL,
  revenue      numeric(10, 2) NOT NULL
);
''',
{'assignments': ['user_id', 'arm', 'assigned_at'], 'purchases': ['purchase_id', 'user_id', 'purchased_at', 'revenue']},
{'sample': {
  'assignments': [[1, 'control', '2024-05-01 10:00:00+00'], [2, 'control', '2024-05-01 11:00:00+00'],
                  [3, 'control', '2024-05-02 09:00:00+00'], [4, 'treatment', '2024-05-01 10:30:00+00'],
                  [5, 'treatment', '2024-05-02 08:00:00+00'], [6, 'treatment', '2024-05-03 12:00:00+00']],
  'purchases': [[1, 1, '2024-05-01 12:00:00+00', 30.00], [2, 4, '2024-05-01 11:00:00+00', 20.00],
                [3, 4, '2024-05-04 09:00:00+00', 25.00], [4, 5, '2024-05-02 07:00:00+00', 50.00],
                [5, 6, '2024-05-05 15:00:00+00', 40.00], [6, 2, '2024-05-06 10:00:00+00', 10.00]],
}})
DATASETS['experiment']['types'] = {'assignments': {'assigned_at': 'ts'}, 'purchases': {'purchased_at': 'ts', 'revenue': 'num'}}

dataset('staff', 'Employees with their department, manager (NULL for the top of the tree) and salary (NULL when undisclosed).',
'''
CREATE TABLE employees (
  emp_id     integer PRIMARY KEY,
  name       text    NOT NULL,
  dept       text    NOT NULL,
  manager_id integer REFERENCES employees (emp_id),  -- NULL for the CEO
  salary     integer                                 -- NULL when undisclosed
);
''',
{'employees': ['emp_id', 'name', 'dept', 'manager_id', 'salary']},
{'sample': {'employees': [
  [1, 'Ines', 'exec', None, 250000], [2, 'Jon', 'eng', 1, 180000], [3, 'Kai', 'eng', 2, 150000],
  [4, 'Lea', 'eng', 2, 150000], [5, 'Mo', 'eng', 3, 120000], [6, 'Noor', 'sales', 1, 140000],
  [7, 'Omar', 'sales', 6, 90000], [8, 'Pia', 'sales', 6, None], [9, 'Quinn', 'eng', 3, 110000]]}})

dataset('feature-store', 'Training data for a credit model: labelled examples, a feature table with history, transactions and tier history (all times UTC).',
'''
CREATE TABLE labels (
  example_id integer     PRIMARY KEY,
  user_id    integer     NOT NULL,
  label_time timestamptz NOT NULL,   -- the moment the prediction would have been made
  defaulted  integer     NOT NULL    -- 1 or 0
);
CREATE TABLE credit_scores (          -- a feature with history: the score known from score_time on
  user_id    integer     NOT NULL,
  score_time timestamptz NOT NULL,
  score      integer     NOT NULL,
  PRIMARY KEY (user_id, score_time)
);
CREATE TABLE transactions (
  txn_id     integer       PRIMARY KEY,
  user_id    integer       NOT NULL,
  txn_time   timestamptz   NOT NULL,
  amount     numeric(10, 2) NOT NULL
);
CREATE TABLE tier_history (           -- slowly changing dimension, type 2
  user_id    integer     NOT NULL,
  tier       text        NOT NULL,
  valid_from timestamptz NOT NULL,    -- inclusive
  valid_to   timestamptz,             -- exclusive; NULL for the current row
  PRIMARY KEY (user_id, valid_from)
);
''',
{'labels': ['example_id', 'user_id', 'label_time', 'defaulted'],
 'credit_scores': ['user_id', 'score_time', 'score'],
 'transactions': ['txn_id', 'user_id', 'txn_time', 'amount'],
 'tier_history': ['user_id', 'tier', 'valid_from', 'valid_to']},
{'sample': {
  'labels': [[1, 10, '2024-04-01 00:00:00+00', 0], [2, 10, '2024-06-01 00:00:00+00', 1],
             [3, 20, '2024-04-15 12:00:00+00', 0], [4, 30, '2024-05-01 00:00:00+00', 1]],
  'credit_scores': [[10, '2024-03-01 00:00:00+00', 700], [10, '2024-05-01 00:00:00+00', 640],
                    [20, '2024-04-15 12:00:00+00', 720], [20, '2024-01-01 00:00:00+00', 690],
                    [30, '2024-05-02 00:00:00+00', 600]],
  'transactions': [[1, 10, '2024-03-28 10:00:00+00', 50.00], [2, 10, '2024-03-31 23:59:00+00', 20.00],
                   [3, 10, '2024-04-01 00:00:00+00', 99.00], [4, 10, '2024-05-30 08:00:00+00', 15.00],
                   [5, 20, '2024-04-10 12:00:00+00', 30.00], [6, 30, '2024-04-20 00:00:00+00', 80.00]],
  'tier_history': [[10, 'bronze', '2024-01-01 00:00:00+00', '2024-05-01 00:00:00+00'],
                   [10, 'silver', '2024-05-01 00:00:00+00', None],
                   [20, 'gold', '2024-02-01 00:00:00+00', None],
                   [30, 'bronze', '2024-04-01 00:00:00+00', '2024-05-01 00:00:00+00'],
                   [30, 'silver', '2024-05-01 00:00:00+00', None]],
}})
DATASETS['feature-store']['types'] = {'labels': {'label_time': 'ts'}, 'credit_scores': {'score_time': 'ts'},
                                      'transactions': {'txn_time': 'ts', 'amount': 'num'},
                                      'tier_history': {'valid_from': 'ts', 'valid_to': 'ts'}}
