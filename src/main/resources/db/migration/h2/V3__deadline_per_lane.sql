-- "Abertas agora" asks a lane (UF x modality) for the notices whose deadline is still ahead, whatever their
-- publication day: without this index the database reads the lane's whole history to find the few still open.
CREATE INDEX notices_uf_modalidade_encerramento ON notices (uf, modalidade, data_encerramento);
