-- Which instance executes each run, so that at start, and periodically, an instance fails only the runs of
-- instances that stopped: its own from before a restart, and those whose liveness lease has expired.
-- Portable between H2 2.x and PostgreSQL like V1.

-- Null for runs made before this column; recovery treats them as interrupted.
alter table runs add column instance_id varchar(64);

-- Every instance holds the lease 'instance:<id>' while it is alive; an id has up to 64 characters.
alter table leases alter column name set data type varchar(80);
