//! Running the platform from the browser: platform admins who manage organizations, users an
//! organization's admin can switch off (kept for the audit log), and walk-ins recorded at the
//! door.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for column in [
            boolean(Users::PlatformAdmin).default(false).to_owned(),
            timestamp_with_time_zone_null(Users::DisabledAt).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Registrations::Table)
                    .add_column(boolean(Registrations::WalkIn).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Registrations::Table)
                    .drop_column(Registrations::WalkIn)
                    .to_owned(),
            )
            .await?;
        for column in [Users::DisabledAt, Users::PlatformAdmin] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    PlatformAdmin,
    DisabledAt,
}

#[derive(DeriveIden)]
enum Registrations {
    Table,
    WalkIn,
}
