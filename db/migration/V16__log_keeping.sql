-- Which containers' logs the portal keeps, as an ADMIN switched them on the logs page; a part without a row follows
-- stackkeeper.logs.kept (the backend by default).
CREATE TABLE log_keeping (
    part        VARCHAR(20)  PRIMARY KEY,
    kept        BOOLEAN      NOT NULL,
    changed_by  VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
