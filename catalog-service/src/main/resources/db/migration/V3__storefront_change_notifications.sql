-- Storefront answers are cached in memory by every catalog replica (issue 18). These triggers announce, inside the
-- writing transaction, which regions' storefronts a write may change: NOTIFY is delivered on commit only, to every
-- listener of the database (catalog's StorefrontChangeFeed), and identical notifications of one transaction are sent
-- once. Being triggers, they cover every writer: use cases, event handlers, later migrations, bulk imports.

-- Any written rollout row: its region (both regions of an update that moves a row, which nothing does today).
CREATE FUNCTION storefront_rollout_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('storefront_changed', OLD.region);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.region IS DISTINCT FROM OLD.region) THEN
        PERFORM pg_notify('storefront_changed', NEW.region);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER regional_rollout_storefront_changed AFTER INSERT OR UPDATE OR DELETE ON regional_rollout
    FOR EACH ROW EXECUTE FUNCTION storefront_rollout_changed();

-- A changed drama (title, localizations, genres, episodes ...) shows in every region it has a rollout row in.
CREATE FUNCTION storefront_drama_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('storefront_changed', r.region) FROM regional_rollout r WHERE r.drama_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER drama_storefront_changed AFTER UPDATE ON drama
    FOR EACH ROW EXECUTE FUNCTION storefront_drama_changed();
