//! Who registers is a type, not a guess (issue 16): a company, a sole proprietor, a school, a
//! municipality, an association, another organization or an individual, each with the fields
//! that fit it. Addresses carry a country (ISO 3166-1 alpha-2) and, outside Japan, a free-form
//! region; a registrant may give their time zone.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Registrations {
    Table,
    RegistrantKind,
    SchoolType,
    Country,
    Region,
    TimeZone,
    SoleProprietor,
}

async fn add(manager: &SchemaManager<'_>, column: ColumnDef) -> Result<(), DbErr> {
    let mut column = column;
    manager
        .alter_table(
            Table::alter()
                .table(Registrations::Table)
                .add_column(&mut column)
                .to_owned(),
        )
        .await
}

async fn drop(manager: &SchemaManager<'_>, column: Registrations) -> Result<(), DbErr> {
    manager
        .alter_table(
            Table::alter()
                .table(Registrations::Table)
                .drop_column(column)
                .to_owned(),
        )
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add(
            manager,
            ColumnDef::new(Registrations::RegistrantKind)
                .string_len(30)
                .not_null()
                .default("company")
                .to_owned(),
        )
        .await?;
        add(
            manager,
            ColumnDef::new(Registrations::SchoolType)
                .string_len(40)
                .null()
                .to_owned(),
        )
        .await?;
        add(
            manager,
            ColumnDef::new(Registrations::Country)
                .string_len(2)
                .null()
                .to_owned(),
        )
        .await?;
        add(
            manager,
            ColumnDef::new(Registrations::Region)
                .string_len(400)
                .null()
                .to_owned(),
        )
        .await?;
        add(
            manager,
            ColumnDef::new(Registrations::TimeZone)
                .string_len(64)
                .null()
                .to_owned(),
        )
        .await?;
        let db = manager.get_connection();
        for sql in [
            "UPDATE registrations SET registrant_kind = 'individual' WHERE audience = 'individuals'",
            "UPDATE registrations SET registrant_kind = 'sole_proprietor' WHERE sole_proprietor",
            "UPDATE registrations SET country = 'JP' WHERE registrant_kind <> 'individual'",
        ] {
            db.execute_unprepared(sql).await?;
        }
        // The kind says it now; a flag beside it could disagree.
        drop(manager, Registrations::SoleProprietor).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add(
            manager,
            ColumnDef::new(Registrations::SoleProprietor)
                .boolean()
                .not_null()
                .default(false)
                .to_owned(),
        )
        .await?;
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE registrations SET sole_proprietor = (registrant_kind = 'sole_proprietor')",
            )
            .await?;
        for c in [
            Registrations::TimeZone,
            Registrations::Region,
            Registrations::Country,
            Registrations::SchoolType,
            Registrations::RegistrantKind,
        ] {
            drop(manager, c).await?;
        }
        Ok(())
    }
}
