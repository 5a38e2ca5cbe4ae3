-- Every restore as it goes: the step it reached and what it changed so far, saved at each step, so that a portal
-- killed mid-restore can say where it stopped, start the backend again on the folder it had, and remove staging.
CREATE TABLE restore_run (
    id               VARCHAR(100)  NOT NULL PRIMARY KEY,
    set_id           VARCHAR(100)  NOT NULL,
    actor            VARCHAR(100)  NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    started_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP(6) WITH TIME ZONE,
    step             INT           NOT NULL,
    step_state       VARCHAR(20)   NOT NULL,
    message          VARCHAR(4000),
    safety_set_id    VARCHAR(100),
    staging_folder   VARCHAR(1200),
    storage_folder   VARCHAR(1200),
    kept_folder      VARCHAR(1200),
    backend_stopped  BOOLEAN       NOT NULL,
    storage_swapped  BOOLEAN       NOT NULL,
    outcome          VARCHAR(4000)
);
CREATE INDEX restore_run_status ON restore_run (status, started_at DESC);
