//! Sessions inside an event: the talks and workshops of an EXPO, or the time slots of a
//! consultation desk, each with its own time, room, capacity and waiting list; and which
//! sessions each registration picked.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(EventSessions::Table)
                    .col(big_pk_auto(EventSessions::Id))
                    .col(big_integer(EventSessions::EventId))
                    .col(string_len(EventSessions::TitleJa, 200))
                    .col(string_len(EventSessions::TitleEn, 200))
                    .col(timestamp_with_time_zone(EventSessions::StartsAt))
                    .col(timestamp_with_time_zone(EventSessions::EndsAt))
                    .col(string_len_null(EventSessions::RoomJa, 200))
                    .col(string_len_null(EventSessions::RoomEn, 200))
                    .col(string_len_null(EventSessions::Speaker, 200))
                    .col(string_len_null(EventSessions::Language, 8))
                    .col(integer_null(EventSessions::Capacity))
                    .col(integer(EventSessions::SeatsTaken).default(0))
                    // A consultation slot: one registration holds it, whatever its size.
                    .col(boolean(EventSessions::Exclusive).default(false))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventSessions::Table, EventSessions::EventId)
                            .to(Events::Table, Events::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_event_sessions_event_start")
                    .table(EventSessions::Table)
                    .col(EventSessions::EventId)
                    .col(EventSessions::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RegistrationSessions::Table)
                    .col(big_pk_auto(RegistrationSessions::Id))
                    .col(big_integer(RegistrationSessions::RegistrationId))
                    .col(big_integer(RegistrationSessions::SessionId))
                    .col(string_len(RegistrationSessions::Status, 16))
                    .col(integer(RegistrationSessions::Seats))
                    .col(timestamp_with_time_zone(RegistrationSessions::CreatedAt))
                    .col(timestamp_with_time_zone(RegistrationSessions::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                RegistrationSessions::Table,
                                RegistrationSessions::RegistrationId,
                            )
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RegistrationSessions::Table, RegistrationSessions::SessionId)
                            .to(EventSessions::Table, EventSessions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns, unique) in [
            (
                "uq_registration_sessions_pick",
                vec![
                    RegistrationSessions::RegistrationId,
                    RegistrationSessions::SessionId,
                ],
                true,
            ),
            // The waiting list of a session, in order.
            (
                "idx_registration_sessions_session_status",
                vec![
                    RegistrationSessions::SessionId,
                    RegistrationSessions::Status,
                    RegistrationSessions::Id,
                ],
                false,
            ),
        ] {
            let mut index = Index::create()
                .name(name)
                .table(RegistrationSessions::Table)
                .to_owned();
            for c in columns {
                index.col(c);
            }
            if unique {
                index.unique();
            }
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RegistrationSessions::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(EventSessions::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum EventSessions {
    Table,
    Id,
    EventId,
    TitleJa,
    TitleEn,
    StartsAt,
    EndsAt,
    RoomJa,
    RoomEn,
    Speaker,
    Language,
    Capacity,
    SeatsTaken,
    Exclusive,
}

#[derive(DeriveIden)]
enum RegistrationSessions {
    Table,
    Id,
    RegistrationId,
    SessionId,
    Status,
    Seats,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Events {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Registrations {
    Table,
    Id,
}
