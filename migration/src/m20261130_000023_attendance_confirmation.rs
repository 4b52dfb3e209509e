//! Attendance confirmation before the day (issue 17): an event's `confirm_days_before`, and
//! per registration when the question went out and what was answered.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Events::Table)
                    .add_column(integer_null(Events::ConfirmDaysBefore))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AttendanceChecks::Table)
                    .col(big_integer(AttendanceChecks::RegistrationId).primary_key())
                    .col(big_integer(AttendanceChecks::EventId))
                    .col(timestamp_with_time_zone(AttendanceChecks::SentAt))
                    .col(string_len_null(AttendanceChecks::Answer, 16))
                    .col(timestamp_with_time_zone_null(AttendanceChecks::AnsweredAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AttendanceChecks::Table, AttendanceChecks::RegistrationId)
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_attendance_checks_event")
                    .table(AttendanceChecks::Table)
                    .col(AttendanceChecks::EventId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AttendanceChecks::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Events::Table)
                    .drop_column(Events::ConfirmDaysBefore)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Events {
    Table,
    ConfirmDaysBefore,
}

#[derive(DeriveIden)]
enum Registrations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AttendanceChecks {
    Table,
    RegistrationId,
    EventId,
    SentAt,
    Answer,
    AnsweredAt,
}
