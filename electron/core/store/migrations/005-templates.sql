-- Named payloads saved from the Simulator screen (issue 7 item 6), fired later as they are.
CREATE TABLE templates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  profile TEXT NOT NULL,
  topic TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_on TEXT NOT NULL,
  UNIQUE (profile, name)
);
