//! Online attendance: each attendee's joins through their personal join link (`/j/{token}`).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OnlineJoins::Table)
                    .col(big_integer(OnlineJoins::AttendeeId).primary_key())
                    .col(big_integer(OnlineJoins::EventId))
                    .col(timestamp_with_time_zone(OnlineJoins::FirstJoinedAt))
                    .col(timestamp_with_time_zone(OnlineJoins::LastJoinedAt))
                    .col(integer(OnlineJoins::Joins))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OnlineJoins::Table, OnlineJoins::AttendeeId)
                            .to(Attendees::Table, Attendees::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("online_joins_event")
                    .table(OnlineJoins::Table)
                    .col(OnlineJoins::EventId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OnlineJoins::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum OnlineJoins {
    Table,
    AttendeeId,
    EventId,
    FirstJoinedAt,
    LastJoinedAt,
    Joins,
}

#[derive(DeriveIden)]
enum Attendees {
    Table,
    Id,
}
