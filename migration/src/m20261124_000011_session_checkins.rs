//! Check-in at a session's door (an EXPO talk, a consultation slot), beside arrival at the
//! event itself.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SessionCheckins::Table)
                    .col(big_integer(SessionCheckins::SessionId))
                    .col(big_integer(SessionCheckins::AttendeeId))
                    .col(timestamp_with_time_zone(SessionCheckins::CheckedInAt))
                    .col(big_integer(SessionCheckins::CheckedInBy))
                    .primary_key(
                        Index::create()
                            .col(SessionCheckins::SessionId)
                            .col(SessionCheckins::AttendeeId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SessionCheckins::Table, SessionCheckins::SessionId)
                            .to(EventSessions::Table, EventSessions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SessionCheckins::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum SessionCheckins {
    Table,
    SessionId,
    AttendeeId,
    CheckedInAt,
    CheckedInBy,
}

#[derive(DeriveIden)]
enum EventSessions {
    Table,
    Id,
}
