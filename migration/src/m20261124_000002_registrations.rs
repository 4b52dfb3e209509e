//! Registrations and their attendees, per-event questions, the event's registration settings,
//! and the outbox of messages to send.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for column in [
            string_len(Events::Audience, 16)
                .default("companies")
                .to_owned(),
            boolean(Events::WaitlistEnabled).default(true).to_owned(),
            text_null(Events::PurposeOfUseJa).to_owned(),
            text_null(Events::PurposeOfUseEn).to_owned(),
            integer(Events::PurposeOfUseVersion).default(1).to_owned(),
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
            .create_table(
                Table::create()
                    .table(EventQuestions::Table)
                    .col(big_pk_auto(EventQuestions::Id))
                    .col(big_integer(EventQuestions::EventId))
                    .col(integer(EventQuestions::Position))
                    .col(string_len(EventQuestions::Kind, 32))
                    .col(string_len(EventQuestions::LabelJa, 300))
                    .col(string_len(EventQuestions::LabelEn, 300))
                    .col(boolean(EventQuestions::Required))
                    .col(text(EventQuestions::Options))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventQuestions::Table, EventQuestions::EventId)
                            .to(Events::Table, Events::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Registrations::Table)
                    .col(big_pk_auto(Registrations::Id))
                    .col(big_integer(Registrations::EventId))
                    .col(string_len(Registrations::Status, 16))
                    .col(string_len(Registrations::Audience, 16))
                    .col(string_len_uniq(Registrations::ManageTokenHash, 64))
                    .col(text(Registrations::ManageTokenSealed))
                    .col(string_len(Registrations::Lang, 8))
                    .col(string_len_null(Registrations::CompanyName, 200))
                    .col(string_len_null(Registrations::CompanyNameKana, 200))
                    .col(string_len_null(Registrations::CorporateNumber, 13))
                    .col(boolean(Registrations::SoleProprietor).default(false))
                    .col(string_len_null(Registrations::PostalCode, 8))
                    .col(string_len_null(Registrations::Prefecture, 8))
                    .col(string_len_null(Registrations::City, 100))
                    .col(string_len_null(Registrations::Street, 200))
                    .col(string_len_null(Registrations::Industry, 32))
                    .col(string_len_null(Registrations::EmployeeBand, 16))
                    .col(boolean_null(Registrations::TcciMember))
                    .col(string_len(Registrations::ContactName, 100))
                    .col(string_len(Registrations::ContactKana, 100))
                    .col(string_len_null(Registrations::ContactDepartment, 100))
                    .col(string_len_null(Registrations::ContactTitle, 100))
                    .col(string_len(Registrations::ContactEmail, 254))
                    .col(string_len_null(Registrations::ContactPhone, 16))
                    .col(string_len_null(Registrations::Affiliation, 200))
                    .col(integer(Registrations::Seats))
                    .col(text(Registrations::Answers))
                    .col(string_len_null(Registrations::HeardVia, 32))
                    .col(string_len_null(Registrations::ViaCode, 64))
                    .col(integer(Registrations::ConsentVersion))
                    .col(timestamp_with_time_zone(Registrations::ConsentedAt))
                    .col(string_len_null(Registrations::IdempotencyKey, 200))
                    .col(string_len_null(Registrations::RequestHash, 64))
                    .col(timestamp_with_time_zone(Registrations::CreatedAt))
                    .col(timestamp_with_time_zone(Registrations::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Registrations::CancelledAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Registrations::Table, Registrations::EventId)
                            .to(Events::Table, Events::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns, unique) in [
            (
                "idx_registrations_event_status",
                vec![
                    Registrations::EventId,
                    Registrations::Status,
                    Registrations::Id,
                ],
                false,
            ),
            (
                "idx_registrations_event_corporate_number",
                vec![Registrations::EventId, Registrations::CorporateNumber],
                false,
            ),
            // A replayed request finds its first answer; NULL keys never clash.
            (
                "uq_registrations_event_idempotency_key",
                vec![Registrations::EventId, Registrations::IdempotencyKey],
                true,
            ),
        ] {
            let mut index = Index::create()
                .name(name)
                .table(Registrations::Table)
                .to_owned();
            for c in columns {
                index.col(c);
            }
            if unique {
                index.unique();
            }
            manager.create_index(index).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Attendees::Table)
                    .col(big_pk_auto(Attendees::Id))
                    .col(big_integer(Attendees::RegistrationId))
                    .col(big_integer(Attendees::EventId))
                    .col(integer(Attendees::Position))
                    .col(string_len(Attendees::Name, 100))
                    .col(string_len(Attendees::Kana, 100))
                    .col(string_len_null(Attendees::Department, 100))
                    .col(string_len_null(Attendees::Title, 100))
                    .col(string_len(Attendees::Email, 254))
                    .col(string_len(Attendees::Status, 16))
                    // The email while the attendee holds a place, NULL otherwise: the unique
                    // index below then allows one active attendee per address and event.
                    .col(string_len_null(Attendees::ActiveEmail, 254))
                    .col(timestamp_with_time_zone(Attendees::CreatedAt))
                    .col(timestamp_with_time_zone_null(Attendees::CancelledAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attendees::Table, Attendees::RegistrationId)
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attendees::Table, Attendees::EventId)
                            .to(Events::Table, Events::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_attendees_event_active_email")
                    .table(Attendees::Table)
                    .col(Attendees::EventId)
                    .col(Attendees::ActiveEmail)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_attendees_registration")
                    .table(Attendees::Table)
                    .col(Attendees::RegistrationId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(big_pk_auto(Outbox::Id))
                    .col(big_integer(Outbox::EventId))
                    .col(big_integer_null(Outbox::RegistrationId))
                    .col(string_len(Outbox::Message, 32))
                    .col(string_len(Outbox::RecipientEmail, 254))
                    .col(string_len(Outbox::RecipientName, 200))
                    .col(string_len(Outbox::Lang, 8))
                    .col(text(Outbox::Payload))
                    .col(string_len(Outbox::Status, 16))
                    .col(integer(Outbox::Attempts).default(0))
                    .col(timestamp_with_time_zone(Outbox::NextAttemptAt))
                    .col(text_null(Outbox::LastError))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Outbox::Table, Outbox::EventId)
                            .to(Events::Table, Events::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Outbox::Table, Outbox::RegistrationId)
                            .to(Registrations::Table, Registrations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_due")
                    .table(Outbox::Table)
                    .col(Outbox::Status)
                    .col(Outbox::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Outbox::Table.into_iden(),
            Attendees::Table.into_iden(),
            Registrations::Table.into_iden(),
            EventQuestions::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for column in [
            Events::Audience,
            Events::WaitlistEnabled,
            Events::PurposeOfUseJa,
            Events::PurposeOfUseEn,
            Events::PurposeOfUseVersion,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Events::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Events {
    Table,
    Id,
    Audience,
    WaitlistEnabled,
    PurposeOfUseJa,
    PurposeOfUseEn,
    PurposeOfUseVersion,
}

#[derive(DeriveIden)]
enum EventQuestions {
    Table,
    Id,
    EventId,
    Position,
    Kind,
    LabelJa,
    LabelEn,
    Required,
    Options,
}

#[derive(DeriveIden, Clone, Copy)]
enum Registrations {
    Table,
    Id,
    EventId,
    Status,
    Audience,
    ManageTokenHash,
    ManageTokenSealed,
    Lang,
    CompanyName,
    CompanyNameKana,
    CorporateNumber,
    SoleProprietor,
    PostalCode,
    Prefecture,
    City,
    Street,
    Industry,
    EmployeeBand,
    TcciMember,
    ContactName,
    ContactKana,
    ContactDepartment,
    ContactTitle,
    ContactEmail,
    ContactPhone,
    Affiliation,
    Seats,
    Answers,
    HeardVia,
    ViaCode,
    ConsentVersion,
    ConsentedAt,
    IdempotencyKey,
    RequestHash,
    CreatedAt,
    UpdatedAt,
    CancelledAt,
}

#[derive(DeriveIden)]
enum Attendees {
    Table,
    Id,
    RegistrationId,
    EventId,
    Position,
    Name,
    Kana,
    Department,
    Title,
    Email,
    Status,
    ActiveEmail,
    CreatedAt,
    CancelledAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    EventId,
    RegistrationId,
    Message,
    RecipientEmail,
    RecipientName,
    Lang,
    Payload,
    Status,
    Attempts,
    NextAttemptAt,
    LastError,
    CreatedAt,
    SentAt,
}
