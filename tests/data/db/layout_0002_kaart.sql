-- A SQLite database made by `python -m bot db upgrade` with bot/store/migrations (head 0002_kaart),
-- before the tables moved to their packages (issue #13), with one row in each core table.
BEGIN TRANSACTION;
CREATE TABLE aanmelding (
	id INTEGER NOT NULL, 
	referentie VARCHAR(16) NOT NULL, 
	gesprek_id VARCHAR(255) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	rol VARCHAR(10) NOT NULL, 
	aangemaakt DATETIME NOT NULL, 
	bevestigd DATETIME, 
	toestemming DATETIME, 
	hulpvraag TEXT, 
	themas JSON NOT NULL, 
	signalen JSON NOT NULL, 
	advies VARCHAR(30), 
	advies_redenen JSON NOT NULL, 
	aanbod_getoond JSON NOT NULL, 
	keuzes JSON NOT NULL, 
	naam VARCHAR(200), 
	contact_voorkeur VARCHAR(10), 
	telefoon VARCHAR(40), 
	email VARCHAR(254), 
	postcode VARCHAR(7), 
	belmoment VARCHAR(100), 
	PRIMARY KEY (id), 
	UNIQUE (referentie)
);
INSERT INTO "aanmelding" VALUES(1,'WT-OUD-0001','oud-gesprek','nieuw','inwoner','2026-12-02 13:53:26.057166',NULL,NULL,'Ik zoek een maatje.','[{"code": "eenzaamheid"}]','[]',NULL,'[]','[]','{}',NULL,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0002_kaart');
CREATE TABLE audit_log (
	id INTEGER NOT NULL, 
	tijdstip DATETIME NOT NULL, 
	actie VARCHAR(50) NOT NULL, 
	details JSON NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "audit_log" VALUES(1,'2026-12-02 13:53:26.058236','opschonen','{"events": 0}');
CREATE TABLE feedback (
	id INTEGER NOT NULL, 
	gesprek_id VARCHAR(255) NOT NULL, 
	aanmelding_id INTEGER, 
	aangemaakt DATETIME NOT NULL, 
	score INTEGER, 
	antwoord VARCHAR(20), 
	PRIMARY KEY (id), 
	FOREIGN KEY(aanmelding_id) REFERENCES aanmelding (id) ON DELETE CASCADE
);
INSERT INTO "feedback" VALUES(1,'oud-gesprek',1,'2026-12-02 13:53:26.058700',3,'goed');
CREATE TABLE kaart_aanbod (
	id VARCHAR(64) NOT NULL, 
	organisatie_id VARCHAR(64) NOT NULL, 
	naam VARCHAR(200) NOT NULL, 
	omschrijving TEXT NOT NULL, 
	vorm VARCHAR(20) NOT NULL, 
	formeel BOOLEAN NOT NULL, 
	toegang VARCHAR(20) NOT NULL, 
	doelgroepen JSON NOT NULL, 
	kenmerken JSON NOT NULL, 
	leeftijd_min INTEGER, 
	leeftijd_max INTEGER, 
	gemeente VARCHAR(100) NOT NULL, 
	wijk VARCHAR(100) NOT NULL, 
	toegankelijkheid JSON NOT NULL, 
	talen JSON NOT NULL, 
	wanneer VARCHAR(300) NOT NULL, 
	kosten VARCHAR(200) NOT NULL, 
	kosten_centen INTEGER, 
	hoe_aansluiten TEXT NOT NULL, 
	email VARCHAR(254) NOT NULL, 
	telefoon VARCHAR(40) NOT NULL, 
	website VARCHAR(300) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	laatst_gecontroleerd DATE NOT NULL, 
	bron VARCHAR(300) NOT NULL, 
	voorbeeld BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(organisatie_id) REFERENCES kaart_organisatie (id)
);
CREATE TABLE kaart_aanbod_locatie (
	aanbod_id VARCHAR(64) NOT NULL, 
	locatie_id VARCHAR(64) NOT NULL, 
	PRIMARY KEY (aanbod_id, locatie_id), 
	FOREIGN KEY(aanbod_id) REFERENCES kaart_aanbod (id) ON DELETE CASCADE, 
	FOREIGN KEY(locatie_id) REFERENCES kaart_locatie (id)
);
CREATE TABLE kaart_aanbod_thema (
	aanbod_id VARCHAR(64) NOT NULL, 
	thema VARCHAR(50) NOT NULL, 
	volgorde INTEGER NOT NULL, 
	PRIMARY KEY (aanbod_id, thema), 
	FOREIGN KEY(aanbod_id) REFERENCES kaart_aanbod (id) ON DELETE CASCADE
);
CREATE TABLE kaart_locatie (
	id VARCHAR(64) NOT NULL, 
	naam VARCHAR(200) NOT NULL, 
	adres VARCHAR(200) NOT NULL, 
	postcode VARCHAR(7) NOT NULL, 
	plaats VARCHAR(100) NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE kaart_meta (
	sleutel VARCHAR(50) NOT NULL, 
	waarde INTEGER NOT NULL, 
	PRIMARY KEY (sleutel)
);
CREATE TABLE kaart_organisatie (
	id VARCHAR(64) NOT NULL, 
	naam VARCHAR(200) NOT NULL, 
	omschrijving TEXT, 
	PRIMARY KEY (id)
);
CREATE TABLE kaart_werkgebied (
	aanbod_id VARCHAR(64) NOT NULL, 
	pc4 VARCHAR(4) NOT NULL, 
	volgorde INTEGER NOT NULL, 
	PRIMARY KEY (aanbod_id, pc4), 
	FOREIGN KEY(aanbod_id) REFERENCES kaart_aanbod (id) ON DELETE CASCADE
);
CREATE TABLE opvolging (
	id INTEGER NOT NULL, 
	gesprek_id VARCHAR(255) NOT NULL, 
	aangemaakt DATETIME NOT NULL, 
	reden JSON NOT NULL, 
	terugbellen BOOLEAN NOT NULL, 
	telefoon VARCHAR(40), 
	afgehandeld BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "opvolging" VALUES(1,'oud-gesprek','2026-12-02 13:53:26.059156','["terugbellen"]',1,NULL,0);
CREATE INDEX ix_aanmelding_referentie ON aanmelding (referentie);
CREATE INDEX ix_aanmelding_gesprek_id ON aanmelding (gesprek_id);
CREATE INDEX ix_aanmelding_aangemaakt ON aanmelding (aangemaakt);
CREATE INDEX ix_opvolging_gesprek_id ON opvolging (gesprek_id);
CREATE INDEX ix_opvolging_aangemaakt ON opvolging (aangemaakt);
CREATE INDEX ix_feedback_gesprek_id ON feedback (gesprek_id);
CREATE INDEX ix_audit_log_tijdstip ON audit_log (tijdstip);
CREATE INDEX ix_kaart_aanbod_organisatie_id ON kaart_aanbod (organisatie_id);
CREATE INDEX ix_kaart_aanbod_gemeente ON kaart_aanbod (gemeente);
CREATE INDEX ix_kaart_aanbod_status ON kaart_aanbod (status);
CREATE INDEX ix_kaart_aanbod_thema_thema ON kaart_aanbod_thema (thema, aanbod_id);
CREATE INDEX ix_kaart_werkgebied_pc4 ON kaart_werkgebied (pc4);
CREATE INDEX ix_kaart_aanbod_locatie_locatie ON kaart_aanbod_locatie (locatie_id);
COMMIT;
