-- The cost capability. Portable between H2 2.x and PostgreSQL like V1.

-- The estimate made when a service was published, one per publish run: the run that registered a service
-- (services.run_id) names its estimate; a retried run's estimate is found through runs.retry_of.
create table cost_estimates (
    run_id           varchar(36)   not null primary key references runs (id) on delete cascade,
    service_name     varchar(24)   not null,
    region           varchar(32)   not null,
    price_region     varchar(32)   not null,
    prices_as_of     varchar(10)   not null,
    environments     integer       not null,
    per_env_usd      decimal(14, 4) not null,
    monthly_usd      decimal(14, 4) not null,
    assumptions_json text          not null,
    estimate_json    text          not null,
    created_at       timestamp with time zone not null
);
create index cost_estimates_service on cost_estimates (service_name);

-- What Cost Explorer and Budgets last answered, shared by every portal instance. A failed refresh keeps
-- the payload and records the error beside it, so pages go on showing the last good data.
create table cost_cache (
    cache_key    varchar(200)  not null primary key,
    payload_json text,
    fetched_at   timestamp with time zone,
    error        varchar(2000),
    error_at     timestamp with time zone
);

-- Requests the portal sent to the AWS cost APIs, per calendar month (UTC), so it can show what they cost.
create table cost_api_requests (
    billing_month varchar(7)  not null,
    api           varchar(64) not null,
    requests      bigint      not null,
    primary key (billing_month, api)
);
