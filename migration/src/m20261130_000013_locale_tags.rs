//! A reader's locale is a BCP 47 tag, and tags outgrew eight characters with やさしい日本語
//! (`ja-x-easy`). RFC 5646 asks that a tag field hold at least 35 characters. SQLite does not
//! enforce `varchar` lengths, so only PostgreSQL's columns change.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 2] = ["registrations", "outbox"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_width(manager, 35).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_width(manager, 8).await
    }
}

async fn set_width(manager: &SchemaManager<'_>, width: u32) -> Result<(), DbErr> {
    if manager.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for table in TABLES {
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "ALTER TABLE {table} ALTER COLUMN lang TYPE varchar({width})"
            ))
            .await?;
    }
    Ok(())
}
