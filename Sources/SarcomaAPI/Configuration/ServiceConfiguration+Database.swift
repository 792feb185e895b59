import CaseStore

extension ServiceConfiguration {
    /// The database setting in force: `databaseUrl` when set, else `database`. A
    /// `postgres://` or `postgresql://` URL selects PostgreSQL; anything else is a SQLite path.
    public var storeSetting: String {
        databaseUrl ?? database
    }

    /// `storeSetting` as logs and errors may show it: a URL's password masked.
    public var storeSettingForDisplay: String {
        PostgresURL(storeSetting)?.masked ?? storeSetting
    }
}
