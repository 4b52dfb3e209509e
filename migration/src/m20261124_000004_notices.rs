//! What registrants are told beyond their own actions: copies to attendees, reminders before
//! the day, organizer announcements, and the opt-out from the latter two.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in [
            boolean(Events::AttendeeCopies).default(true).to_owned(),
            string_len(Events::ReminderDays, 32)
                .default("3,1")
                .to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Events::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Registrations::Table)
                    .add_column(boolean(Registrations::NoticesOptOut).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Attendees::Table)
                    .add_column(boolean(Attendees::NoticesOptOut).default(false))
                    .to_owned(),
            )
            .await?;

        // One row per reminder queued: the primary key makes "sent once" hold across workers.
        manager
            .create_table(
                Table::create()
                    .table(EventReminders::Table)
                    .col(big_integer(EventReminders::EventId))
                    .col(integer(EventReminders::DaysBefore))
                    .col(integer(EventReminders::Recipients))
                    .col(timestamp_with_time_zone(EventReminders::QueuedAt))
                    .primary_key(
                        Index::create()
                            .col(EventReminders::EventId)
                            .col(EventReminders::DaysBefore),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventReminders::Table, EventReminders::EventId)
                            .to(Events::Table, Events::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Announcements::Table)
                    .col(big_pk_auto(Announcements::Id))
                    .col(big_integer(Announcements::EventId))
                    .col(string_len(Announcements::SubjectJa, 200))
                    .col(string_len_null(Announcements::SubjectEn, 200))
                    .col(text(Announcements::BodyJa))
                    .col(text_null(Announcements::BodyEn))
                    .col(boolean(Announcements::IncludeWaitlisted))
                    .col(integer(Announcements::Recipients))
                    .col(big_integer_null(Announcements::CreatedBy))
                    .col(timestamp_with_time_zone(Announcements::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Announcements::Table, Announcements::EventId)
                            .to(Events::Table, Events::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_announcements_event")
                    .table(Announcements::Table)
                    .col(Announcements::EventId)
                    .to_owned(),
            )
            .await?;
        // Retention pruning reads delivered rows by age.
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_sent_at")
                    .table(Outbox::Table)
                    .col(Outbox::SentAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_outbox_sent_at")
                    .table(Outbox::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Announcements::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(EventReminders::Table).to_owned())
            .await?;
        for (table, column) in [
            (
                Attendees::Table.into_iden(),
                Attendees::NoticesOptOut.into_iden(),
            ),
            (
                Registrations::Table.into_iden(),
                Registrations::NoticesOptOut.into_iden(),
            ),
            (Events::Table.into_iden(), Events::ReminderDays.into_iden()),
            (
                Events::Table.into_iden(),
                Events::AttendeeCopies.into_iden(),
            ),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Events {
    Table,
    Id,
    AttendeeCopies,
    ReminderDays,
}

#[derive(DeriveIden)]
enum Registrations {
    Table,
    NoticesOptOut,
}

#[derive(DeriveIden)]
enum Attendees {
    Table,
    NoticesOptOut,
}

#[derive(DeriveIden)]
enum EventReminders {
    Table,
    EventId,
    DaysBefore,
    Recipients,
    QueuedAt,
}

#[derive(DeriveIden)]
enum Announcements {
    Table,
    Id,
    EventId,
    SubjectJa,
    SubjectEn,
    BodyJa,
    BodyEn,
    IncludeWaitlisted,
    Recipients,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    SentAt,
}
