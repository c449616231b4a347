-- Reference conformers per chemical component and seed (featurisation). The key includes a fingerprint of the
-- component's atoms and bonds, so a user-defined component never reuses a dictionary component's conformer.
-- coordinates holds x,y,z per heavy atom as little-endian float64; NULL records a failed generation, so it is
-- not retried and the dictionary's ideal coordinates are used.
CREATE TABLE fb_conformer_cache (
    component_key   VARCHAR(512)  NOT NULL,
    seed            BIGINT        NOT NULL,
    atom_count      INTEGER       NOT NULL,
    coordinates     BYTEA,
    created_at      TIMESTAMP     NOT NULL,
    CONSTRAINT fb_conformer_cache_pk PRIMARY KEY (component_key, seed)
);
