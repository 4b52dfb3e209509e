//! Certification schemes (the LWB certified-company scheme first): a call's categories and the
//! validity of what it grants, each application's chosen categories and their decisions, the
//! documents sent with it (stored here, not on disk), the reviewers' scores, and a log of every
//! upload and download of a document.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CertificationCalls::Table)
                    .col(big_integer(CertificationCalls::EventId).primary_key())
                    .col(date(CertificationCalls::ValidFrom))
                    .col(date(CertificationCalls::ValidUntil))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CertificationCalls::Table, CertificationCalls::EventId)
                            .to(Events::Table, Events::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CertificationCategories::Table)
                    .col(big_integer(CertificationCategories::EventId))
                    .col(string_len(CertificationCategories::Code, 32))
                    .col(string_len(CertificationCategories::NameJa, 100))
                    .col(string_len(CertificationCategories::NameEn, 100))
                    .col(integer(CertificationCategories::Position))
                    .primary_key(
                        Index::create()
                            .col(CertificationCategories::EventId)
                            .col(CertificationCategories::Code),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CertificationCategories::Table,
                                CertificationCategories::EventId,
                            )
                            .to(Events::Table, Events::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CertificationApplications::Table)
                    .col(big_integer(CertificationApplications::RegistrationId).primary_key())
                    .col(big_integer(CertificationApplications::EventId))
                    .col(text(CertificationApplications::Measures))
                    .col(string_len(CertificationApplications::State, 16))
                    .col(big_integer_null(CertificationApplications::DecidedBy))
                    .col(timestamp_with_time_zone_null(
                        CertificationApplications::DecidedAt,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CertificationApplications::Table,
                                CertificationApplications::RegistrationId,
                            )
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_certification_applications_event_state")
                    .table(CertificationApplications::Table)
                    .col(CertificationApplications::EventId)
                    .col(CertificationApplications::State)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CertificationChoices::Table)
                    .col(big_integer(CertificationChoices::RegistrationId))
                    .col(string_len(CertificationChoices::CategoryCode, 32))
                    .col(big_integer(CertificationChoices::EventId))
                    .col(boolean_null(CertificationChoices::Certified))
                    .primary_key(
                        Index::create()
                            .col(CertificationChoices::RegistrationId)
                            .col(CertificationChoices::CategoryCode),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CertificationChoices::Table,
                                CertificationChoices::RegistrationId,
                            )
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CertificationDocuments::Table)
                    .col(big_pk_auto(CertificationDocuments::Id))
                    .col(big_integer(CertificationDocuments::RegistrationId))
                    .col(big_integer(CertificationDocuments::EventId))
                    .col(string_len(CertificationDocuments::Filename, 200))
                    .col(string_len(CertificationDocuments::ContentType, 64))
                    .col(integer(CertificationDocuments::Size))
                    .col(string_len(CertificationDocuments::Sha256, 64))
                    .col(blob(CertificationDocuments::Content))
                    .col(timestamp_with_time_zone(CertificationDocuments::UploadedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CertificationDocuments::Table,
                                CertificationDocuments::RegistrationId,
                            )
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_certification_documents_registration")
                    .table(CertificationDocuments::Table)
                    .col(CertificationDocuments::RegistrationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CertificationScores::Table)
                    .col(big_integer(CertificationScores::RegistrationId))
                    .col(big_integer(CertificationScores::ReviewerId))
                    .col(big_integer(CertificationScores::EventId))
                    .col(small_integer(CertificationScores::Score))
                    .col(text_null(CertificationScores::Comment))
                    .col(timestamp_with_time_zone(CertificationScores::ScoredAt))
                    .primary_key(
                        Index::create()
                            .col(CertificationScores::RegistrationId)
                            .col(CertificationScores::ReviewerId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CertificationScores::Table,
                                CertificationScores::RegistrationId,
                            )
                            .to(Registrations::Table, Registrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CertificationDocumentLog::Table)
                    .col(big_pk_auto(CertificationDocumentLog::Id))
                    .col(big_integer(CertificationDocumentLog::DocumentId))
                    .col(big_integer(CertificationDocumentLog::RegistrationId))
                    .col(big_integer(CertificationDocumentLog::EventId))
                    .col(string_len(CertificationDocumentLog::Action, 16))
                    .col(big_integer_null(CertificationDocumentLog::UserId))
                    .col(timestamp_with_time_zone(CertificationDocumentLog::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_certification_document_log_registration")
                    .table(CertificationDocumentLog::Table)
                    .col(CertificationDocumentLog::RegistrationId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CertificationDocumentLog::Table.into_iden(),
            CertificationScores::Table.into_iden(),
            CertificationDocuments::Table.into_iden(),
            CertificationChoices::Table.into_iden(),
            CertificationApplications::Table.into_iden(),
            CertificationCategories::Table.into_iden(),
            CertificationCalls::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum CertificationCalls {
    Table,
    EventId,
    ValidFrom,
    ValidUntil,
}

#[derive(DeriveIden)]
enum CertificationCategories {
    Table,
    EventId,
    Code,
    NameJa,
    NameEn,
    Position,
}

#[derive(DeriveIden)]
enum CertificationApplications {
    Table,
    RegistrationId,
    EventId,
    Measures,
    State,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden)]
enum CertificationChoices {
    Table,
    RegistrationId,
    CategoryCode,
    EventId,
    Certified,
}

#[derive(DeriveIden)]
enum CertificationDocuments {
    Table,
    Id,
    RegistrationId,
    EventId,
    Filename,
    ContentType,
    Size,
    Sha256,
    Content,
    UploadedAt,
}

#[derive(DeriveIden)]
enum CertificationScores {
    Table,
    RegistrationId,
    ReviewerId,
    EventId,
    Score,
    Comment,
    ScoredAt,
}

#[derive(DeriveIden)]
enum CertificationDocumentLog {
    Table,
    Id,
    DocumentId,
    RegistrationId,
    EventId,
    Action,
    UserId,
    At,
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
