-- A small, hand-written snapshot for the kiosk's tests: one family centre,
-- four organisations, a handful of services, contact persons, opening hours
-- with exceptions, and one week of activities (23.-29.11.2026) including a
-- cancelled one. Applied on top of kiosk/data/schema.sql by sqlite3.

INSERT INTO snapshot_meta VALUES
  ('format_version', '1'), ('content_version', '7'), ('built_at', '2026-11-20T08:00:00Z'),
  ('valid_from', '2026-11-13'), ('valid_until', '2027-05-19'), ('site_id', 'aurinkolahti'),
  ('region_id', 'vantaa-kerava'), ('default_language', 'fi'), ('timezone', 'Europe/Helsinki'),
  ('generator', 'fixture.sql');

INSERT INTO source VALUES ('csv', 'csv', 'fixture', 'CC BY 4.0', 'Testiaineisto');

INSERT INTO language VALUES
  ('fi', 'Suomi', 'ltr', 1, 1), ('sv', 'Svenska', 'ltr', 1, 2),
  ('en', 'English', 'ltr', 1, 3), ('ar', 'العربية', 'rtl', 0, 4);

INSERT INTO location VALUES
  ('pk-aurinkolahti', 'Aurinkolahdentie 5', '00990', 'Helsinki', 60.2, 25.15, 1, 1, 1, 1, 1),
  ('seurakuntatalo', 'Kirkkotie 2', '00990', 'Helsinki', 60.21, 25.16, 0, NULL, 1, 1, 0);
INSERT INTO location_i18n VALUES
  ('pk-aurinkolahti', 'fi', 'Perhekeskus Aurinkolahti', '2. kerros, hissi kahvilan vieressä', 'Esteetön sisäänkäynti pääovesta.'),
  ('pk-aurinkolahti', 'sv', 'Familjecentret Solviken', '2 våningen, hissen bredvid caféet', NULL),
  ('pk-aurinkolahti', 'en', 'Aurinkolahti Family Centre', '2nd floor, lift next to the café', 'Step-free entrance at the main door.'),
  ('seurakuntatalo', 'fi', 'Vuosaaren seurakuntatalo', 'Pihan puolella, portaat alakertaan', NULL);

INSERT INTO site VALUES ('aurinkolahti', 'vantaa-kerava', 'fi', 'Europe/Helsinki', 'pk-aurinkolahti',
  '+358 9 000 12345', 'perhekeskus@example.org', 'https://example.org/aurinkolahti');
INSERT INTO site_i18n VALUES
  ('aurinkolahti', 'fi', 'Perhekeskus Aurinkolahti', 'Tervetuloa – täällä on tilaa koko perheelle'),
  ('aurinkolahti', 'sv', 'Familjecentret Solviken', 'Välkommen – här finns plats för hela familjen'),
  ('aurinkolahti', 'en', 'Aurinkolahti Family Centre', 'Welcome – there is room for the whole family here'),
  ('aurinkolahti', 'ar', 'مركز الأسرة أورينكولاهتي', 'أهلاً وسهلاً – هنا مكان لكل العائلة');

INSERT INTO organization VALUES
  ('hyvinvointialue', 'public', 'https://example.org', '+358 9 000 10000', 'info@example.org', NULL),
  ('mll-vuosaari', 'ngo', 'https://vuosaari.mll.example', '+358 40 100 2000', 'vuosaari@mll.example', NULL),
  ('seurakunta', 'parish', 'https://seurakunta.example', '+358 9 2340 5000', NULL, NULL),
  ('sateenkaari', 'ngo', 'https://sateenkaari.example', NULL, 'info@sateenkaari.example', NULL);
INSERT INTO organization_i18n VALUES
  ('hyvinvointialue', 'fi', 'Itä-Helsingin hyvinvointipalvelut', 'Neuvolat, perhetyö ja perheneuvola. Palvelut ovat maksuttomia.'),
  ('hyvinvointialue', 'sv', 'Välfärdstjänsterna i Östra Helsingfors', 'Rådgivningar, familjearbete och familjerådgivning.'),
  ('hyvinvointialue', 'en', 'East Helsinki wellbeing services', 'Child health clinics, family work and family guidance. The services are free of charge.'),
  ('mll-vuosaari', 'fi', 'MLL:n Vuosaaren yhdistys', 'Perhekahvila, vapaaehtoiset ja lastenhoitoapu.'),
  ('mll-vuosaari', 'en', 'MLL Vuosaari association', 'Family café, volunteers and childcare help.'),
  ('seurakunta', 'fi', 'Vuosaaren seurakunta', 'Perhekerhot ja vauvaryhmät kaikille perheille.'),
  ('seurakunta', 'sv', 'Nordöstra svenska församlingen', 'Familjeklubbar för alla familjer.'),
  ('sateenkaari', 'fi', 'Sateenkaariperheet ry', 'Vertaistukea sateenkaariperheille.');

INSERT INTO taxonomy_term VALUES
  ('neuvola', 'category', NULL, 'baby', 1, NULL, NULL),
  ('perhetyo', 'category', NULL, 'family', 2, NULL, NULL),
  ('vertaistuki', 'category', NULL, 'chat', 3, NULL, NULL),
  ('kerhot', 'category', NULL, 'play', 4, NULL, NULL),
  ('neuvonta', 'category', NULL, 'info', 5, NULL, NULL),
  ('terveys', 'category', NULL, 'health', 6, NULL, NULL),
  ('ika-0-1', 'age_group', NULL, NULL, 10, 0, 1),
  ('ika-1-6', 'age_group', NULL, NULL, 11, 1, 6),
  ('vanhemmat', 'age_group', NULL, NULL, 12, 18, NULL);
INSERT INTO taxonomy_term_i18n VALUES
  ('neuvola', 'fi', 'Neuvola'), ('neuvola', 'sv', 'Rådgivning'), ('neuvola', 'en', 'Child health clinic'),
  ('perhetyo', 'fi', 'Perhetyö ja kotipalvelu'), ('perhetyo', 'sv', 'Familjearbete'), ('perhetyo', 'en', 'Family work and home help'),
  ('vertaistuki', 'fi', 'Vertaistuki'), ('vertaistuki', 'sv', 'Kamratstöd'), ('vertaistuki', 'en', 'Peer support'),
  ('kerhot', 'fi', 'Kerhot ja kahvilat'), ('kerhot', 'sv', 'Klubbar och caféer'), ('kerhot', 'en', 'Clubs and cafés'),
  ('neuvonta', 'fi', 'Neuvonta ja ohjaus'), ('neuvonta', 'sv', 'Rådgivning och handledning'), ('neuvonta', 'en', 'Advice and guidance'),
  ('terveys', 'fi', 'Terveys'), ('terveys', 'en', 'Health'),
  ('ika-0-1', 'fi', 'Vauvat 0–1 v'), ('ika-0-1', 'en', 'Babies 0–1'),
  ('ika-1-6', 'fi', 'Lapset 1–6 v'), ('ika-1-6', 'en', 'Children 1–6'),
  ('vanhemmat', 'fi', 'Vanhemmat'), ('vanhemmat', 'en', 'Parents');

INSERT INTO service (id, organization_id, phone, email, website) VALUES
  ('neuvola-aurinkolahti', 'hyvinvointialue', '+358 9 000 44444', 'neuvola@example.org', 'https://example.org/neuvola'),
  ('perhetyo', 'hyvinvointialue', '+358 9 000 55555', NULL, NULL),
  ('perheneuvola', 'hyvinvointialue', '+358 9 000 66666', NULL, NULL),
  ('perhekahvila', 'mll-vuosaari', NULL, NULL, NULL),
  ('lastenhoito', 'mll-vuosaari', '+358 40 100 2001', NULL, NULL),
  ('perhekerho', 'seurakunta', NULL, NULL, NULL),
  ('sateenkaari-vertais', 'sateenkaari', NULL, 'info@sateenkaari.example', NULL),
  ('yokahvila', 'mll-vuosaari', NULL, NULL, NULL);
INSERT INTO service_i18n VALUES
  ('neuvola-aurinkolahti', 'fi', 'Aurinkolahden neuvola', 'Äitiys- ja lastenneuvola seuraa raskautta sekä lapsen kasvua ja kehitystä. Neuvolassa voit puhua myös jaksamisesta ja perheen arjesta.'),
  ('neuvola-aurinkolahti', 'sv', 'Rådgivningen i Solviken', 'Mödra- och barnrådgivningen följer graviditeten och barnets tillväxt och utveckling.'),
  ('neuvola-aurinkolahti', 'en', 'Aurinkolahti child health clinic', 'The maternity and child health clinic follows pregnancy and the growth and development of your child. You can also talk about how the family is coping.'),
  ('neuvola-aurinkolahti', 'ar', 'عيادة صحة الطفل', 'تتابع العيادة الحمل ونمو الطفل وتطوره.'),
  ('perhetyo', 'fi', 'Perhetyö', 'Perhetyöntekijä tukee arjessa kotona tai perhekeskuksessa.'),
  ('perhetyo', 'en', 'Family work', 'A family worker supports everyday life at home or at the family centre.'),
  ('perheneuvola', 'fi', 'Perheneuvola', 'Apua lapsen kasvuun, kehitykseen ja perheen ristiriitoihin.'),
  ('perhekahvila', 'fi', 'Perhekahvila', 'Avoin kohtaamispaikka vanhemmille ja lapsille. Ei ilmoittautumista.'),
  ('perhekahvila', 'en', 'Family café', 'An open meeting place for parents and children. No registration.'),
  ('lastenhoito', 'fi', 'MLL:n lastenhoitopalvelu', 'Tilapäistä lastenhoitoapua kotiin.'),
  ('perhekerho', 'fi', 'Perhekerho', 'Laulua, leikkiä ja välipala koko perheelle.'),
  ('perhekerho', 'sv', 'Familjeklubben', 'Sång, lek och mellanmål för hela familjen.'),
  ('sateenkaari-vertais', 'fi', 'Sateenkaariperheiden vertaisryhmä', 'Tapaamisia sateenkaariperheille ja sellaiseksi aikoville.'),
  ('yokahvila', 'fi', 'Iltakahvila vuorotyöläisille', 'Aukeaa illalla ja on auki yli puolenyön.');
INSERT INTO service_at_location VALUES
  ('neuvola-aurinkolahti', 'pk-aurinkolahti'), ('perhetyo', 'pk-aurinkolahti'),
  ('perhekahvila', 'pk-aurinkolahti'), ('perhekerho', 'seurakuntatalo'),
  ('sateenkaari-vertais', 'pk-aurinkolahti'), ('yokahvila', 'pk-aurinkolahti');
INSERT INTO entity_term VALUES
  ('service', 'neuvola-aurinkolahti', 'neuvola'), ('service', 'neuvola-aurinkolahti', 'terveys'),
  ('service', 'neuvola-aurinkolahti', 'ika-0-1'), ('service', 'neuvola-aurinkolahti', 'ika-1-6'),
  ('service', 'perhetyo', 'perhetyo'), ('service', 'perhetyo', 'vanhemmat'),
  ('service', 'perheneuvola', 'neuvonta'), ('service', 'perheneuvola', 'perhetyo'),
  ('service', 'perhekahvila', 'kerhot'), ('service', 'perhekahvila', 'ika-0-1'),
  ('service', 'lastenhoito', 'perhetyo'), ('service', 'perhekerho', 'kerhot'),
  ('service', 'sateenkaari-vertais', 'vertaistuki'), ('service', 'yokahvila', 'kerhot');
INSERT INTO entity_language VALUES
  ('service', 'neuvola-aurinkolahti', 'fi'), ('service', 'neuvola-aurinkolahti', 'sv'),
  ('service', 'neuvola-aurinkolahti', 'en'), ('service', 'neuvola-aurinkolahti', 'ar'),
  ('service', 'perhekahvila', 'fi'), ('service', 'perhekahvila', 'en'),
  ('contact', 'anna', 'fi'), ('contact', 'anna', 'en'), ('contact', 'leila', 'ar'), ('contact', 'leila', 'fi');

INSERT INTO contact VALUES
  ('anna', 'hyvinvointialue', 'Anna Virtanen', '+358 40 000 4567', 'anna.virtanen@example.org'),
  ('leila', 'hyvinvointialue', 'Leila Haddad', '+358 40 765 4321', 'leila.haddad@example.org'),
  ('mikko', 'mll-vuosaari', 'Mikko Korhonen', '+358 44 555 0101', NULL),
  ('sari', 'seurakunta', 'Sari Lehtinen', NULL, 'sari.lehtinen@seurakunta.example');
INSERT INTO contact_i18n VALUES
  ('anna', 'fi', 'Terveydenhoitaja', 'Raskausajan ja alle 1-vuotiaiden neuvolakäynnit, imetysneuvonta.'),
  ('anna', 'en', 'Public health nurse', 'Pregnancy and baby clinic visits, breastfeeding advice.'),
  ('leila', 'fi', 'Perhetyöntekijä', 'Arjen tuki kotiin, myös arabiaksi.'),
  ('mikko', 'fi', 'Perhekahvilan vastaava', 'Perhekahvilan ohjelma ja vapaaehtoiset.'),
  ('sari', 'fi', 'Lastenohjaaja', 'Perhekerhot ja vauvaryhmät.');
INSERT INTO contact_service VALUES
  ('anna', 'neuvola-aurinkolahti'), ('leila', 'perhetyo'), ('mikko', 'perhekahvila'), ('sari', 'perhekerho');

-- Neuvola: Mon-Fri 8-16, Wed 8-18 extra; closed on Independence Day.
INSERT INTO opening_hours VALUES
  ('service', 'neuvola-aurinkolahti', 1, 480, 960), ('service', 'neuvola-aurinkolahti', 2, 480, 960),
  ('service', 'neuvola-aurinkolahti', 3, 480, 1080), ('service', 'neuvola-aurinkolahti', 4, 480, 960),
  ('service', 'neuvola-aurinkolahti', 5, 480, 900),
  ('service', 'perhekahvila', 2, 570, 690), ('service', 'perhekahvila', 4, 570, 690),
  -- over midnight: Fri and Sat 20.00-02.00
  ('service', 'yokahvila', 5, 1200, 120), ('service', 'yokahvila', 6, 1200, 120);
INSERT INTO opening_exception VALUES
  (1, 'service', 'neuvola-aurinkolahti', '2026-11-27', 0, 480, 720),
  (2, 'service', 'neuvola-aurinkolahti', '2026-12-24', 1, NULL, NULL),
  (3, 'service', 'perhekahvila', '2026-11-26', 1, NULL, NULL);
INSERT INTO opening_exception_i18n VALUES
  (1, 'fi', 'Koulutuspäivä: auki klo 12 asti'), (1, 'en', 'Training day: open until 12'),
  (2, 'fi', 'Jouluaatto'), (3, 'fi', 'Henkilökunnan virkistyspäivä');

INSERT INTO activity VALUES
  ('kahvila-ti', 'mll-vuosaari', 'perhekahvila', 'pk-aurinkolahti', 'csv', 'Europe/Helsinki', '2026-08-18T09:30', 120, 0, 'FREQ=WEEKLY;BYDAY=TU,TH', 1, NULL, NULL, NULL),
  ('vauvaryhma', 'seurakunta', 'perhekerho', 'seurakuntatalo', 'csv', 'Europe/Helsinki', '2026-08-19T10:00', 90, 0, 'FREQ=WEEKLY;BYDAY=WE', 1, 0, 1, NULL),
  ('sateenkaari-ilta', 'sateenkaari', 'sateenkaari-vertais', 'pk-aurinkolahti', 'csv', 'Europe/Helsinki', '2026-09-03T17:30', 120, 0, 'FREQ=WEEKLY;BYDAY=TU', 1, NULL, NULL, NULL),
  ('eroneuvo', 'hyvinvointialue', 'perheneuvola', 'pk-aurinkolahti', 'csv', 'Europe/Helsinki', '2026-11-25T18:00', 90, 0, NULL, 0, 18, NULL, 'https://example.org/ilmo'),
  ('joulumyyjaiset', 'mll-vuosaari', NULL, 'pk-aurinkolahti', 'csv', 'Europe/Helsinki', '2026-11-28', 1440, 1, NULL, 0, NULL, NULL, NULL);
INSERT INTO activity_i18n VALUES
  ('kahvila-ti', 'fi', 'Perhekahvila', 'Avoin kahvila vanhemmille ja lapsille.', 'Maksuton', 'Ei ilmoittautumista'),
  ('kahvila-ti', 'en', 'Family café', 'Open café for parents and children.', 'Free', 'No registration'),
  ('vauvaryhma', 'fi', 'Vauvaryhmä', 'Laulua ja leikkiä vauvoille.', 'Maksuton', NULL),
  ('vauvaryhma', 'sv', 'Babygrupp', NULL, 'Gratis', NULL),
  ('sateenkaari-ilta', 'fi', 'Sateenkaariperheiden ilta', NULL, NULL, NULL),
  ('eroneuvo', 'fi', 'Eroneuvo-ilta', 'Tietoa ja tukea eroa harkitseville ja eronneille.', 'Maksuton', 'Ilmoittaudu verkossa'),
  ('eroneuvo', 'en', 'Separation advice evening', NULL, 'Free', NULL),
  ('joulumyyjaiset', 'fi', 'Joulumyyjäiset', NULL, NULL, NULL);

-- Occurrences of the week 23.-29.11.2026 and the next one (Helsinki = UTC+2).
INSERT INTO occurrence (id, activity_id, start_utc, end_utc, local_date, all_day, status, location_id) VALUES
  (1, 'kahvila-ti', strftime('%s', '2026-11-24 07:30:00'), strftime('%s', '2026-11-24 09:30:00'), '2026-11-24', 0, 'scheduled', NULL),
  (2, 'sateenkaari-ilta', strftime('%s', '2026-11-24 15:30:00'), strftime('%s', '2026-11-24 17:30:00'), '2026-11-24', 0, 'scheduled', NULL),
  (3, 'vauvaryhma', strftime('%s', '2026-11-25 08:00:00'), strftime('%s', '2026-11-25 09:30:00'), '2026-11-25', 0, 'scheduled', NULL),
  (4, 'eroneuvo', strftime('%s', '2026-11-25 16:00:00'), strftime('%s', '2026-11-25 17:30:00'), '2026-11-25', 0, 'scheduled', NULL),
  (5, 'kahvila-ti', strftime('%s', '2026-11-26 07:30:00'), strftime('%s', '2026-11-26 09:30:00'), '2026-11-26', 0, 'cancelled', NULL),
  (6, 'joulumyyjaiset', strftime('%s', '2026-11-27 22:00:00'), strftime('%s', '2026-11-28 22:00:00'), '2026-11-28', 1, 'scheduled', NULL),
  (7, 'kahvila-ti', strftime('%s', '2026-12-01 07:30:00'), strftime('%s', '2026-12-01 09:30:00'), '2026-12-01', 0, 'scheduled', NULL),
  (8, 'vauvaryhma', strftime('%s', '2026-12-02 08:00:00'), strftime('%s', '2026-12-02 09:30:00'), '2026-12-02', 0, 'moved', 'pk-aurinkolahti'),
  (9, 'kahvila-ti', strftime('%s', '2026-12-03 07:30:00'), strftime('%s', '2026-12-03 09:30:00'), '2026-12-03', 0, 'scheduled', NULL),
  (10, 'sateenkaari-ilta', strftime('%s', '2026-11-17 15:30:00'), strftime('%s', '2026-11-17 17:30:00'), '2026-11-17', 0, 'scheduled', NULL),
  (11, 'kahvila-ti', strftime('%s', '2026-11-24 12:00:00'), strftime('%s', '2026-11-24 13:00:00'), '2026-11-24', 0, 'scheduled', 'seurakuntatalo');
INSERT INTO occurrence_i18n VALUES
  (5, 'fi', 'Henkilökunnan virkistyspäivä'), (5, 'en', 'Staff day'),
  (8, 'fi', 'Poikkeuksellisesti perhekeskuksessa'), (8, 'en', 'This time at the family centre');

INSERT INTO holiday VALUES ('2026-12-06', 'itsenaisyyspaiva', 0), ('2026-12-24', 'jouluaatto', 1),
  ('2026-12-25', 'joulupaiva', 0);
INSERT INTO holiday_i18n VALUES
  ('2026-12-06', 'fi', 'Itsenäisyyspäivä'), ('2026-12-06', 'sv', 'Självständighetsdagen'),
  ('2026-12-06', 'en', 'Independence Day'), ('2026-12-24', 'fi', 'Jouluaatto'),
  ('2026-12-25', 'fi', 'Joulupäivä');

-- Facets of activities for the calendar filters: the café is for babies and
-- toddlers in Finnish and English; the separation evening for parents; the
-- baby group and the rainbow evening take their service's terms.
INSERT INTO entity_term VALUES
  ('activity', 'kahvila-ti', 'kerhot'), ('activity', 'kahvila-ti', 'ika-0-1'),
  ('activity', 'kahvila-ti', 'ika-1-6'), ('activity', 'eroneuvo', 'neuvonta'),
  ('activity', 'eroneuvo', 'vanhemmat'), ('service', 'sateenkaari-vertais', 'vanhemmat');
INSERT INTO entity_language VALUES
  ('activity', 'kahvila-ti', 'fi'), ('activity', 'kahvila-ti', 'en'),
  ('activity', 'eroneuvo', 'fi'), ('service', 'perhekerho', 'sv');

-- Search. Texts only the search tests look at: the clinic and the family
-- café in Russian and Ukrainian (і ї є ґ), and a second "Perhekerho" (an
-- activity with no occurrences) whose text equals the service's, so that
-- their bm25 scores tie and the kind decides.
INSERT INTO service_i18n VALUES
  ('neuvola-aurinkolahti', 'ru', 'Детская консультация Ауринколахти', 'Консультация следит за беременностью и развитием ребёнка.'),
  ('neuvola-aurinkolahti', 'uk', 'Дитяча консультація Ауринколахті', 'Консультація стежить за вагітністю, ростом і розвитком дитини.'),
  ('perhekahvila', 'uk', 'Сімейне кафе', 'Відкрите місце зустрічей: ґанок, їжа і єднання для батьків і дітей.');
INSERT INTO activity VALUES
  ('perhekerho-to', 'seurakunta', 'perhekerho', 'seurakuntatalo', 'csv', 'Europe/Helsinki', '2026-08-20T10:00', 90, 0, 'FREQ=WEEKLY;BYDAY=TH', 1, NULL, NULL, NULL);
INSERT INTO activity_i18n VALUES
  ('perhekerho-to', 'fi', 'Perhekerho', 'Laulua, leikkiä ja välipala koko perheelle.', 'Maksuton', NULL);

-- The search index as aula-pack writes it: names and descriptions of
-- organisations, services and activities in every language they have;
-- contact persons by name, with title and responsibilities as the body.
INSERT INTO search (kind, entity_id, lang, title, body)
  SELECT 'organization', id, lang, name, coalesce(description, '') FROM organization_i18n;
INSERT INTO search (kind, entity_id, lang, title, body)
  SELECT 'service', id, lang, name, coalesce(description, '') FROM service_i18n;
INSERT INTO search (kind, entity_id, lang, title, body)
  SELECT 'contact', c.id, t.lang, c.name, t.title || ' ' || coalesce(t.responsibilities, '')
  FROM contact c JOIN contact_i18n t ON t.id = c.id WHERE coalesce(t.title, '') <> '';
INSERT INTO search (kind, entity_id, lang, title, body)
  SELECT 'activity', id, lang, name, coalesce(description, '') FROM activity_i18n;
-- The inner parts of one compound title, as aula-pack writes them
-- (kiosk/pack/parts.h): "Perhekahvila" is found by "kahv".
UPDATE search SET parts = 'hekahvila ekahvila kahvila ahvila hvila vila'
  WHERE kind = 'service' AND entity_id = 'perhekahvila' AND lang = 'fi';
