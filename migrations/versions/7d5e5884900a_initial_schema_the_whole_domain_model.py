"""initial schema: the whole domain model

Revision ID: 7d5e5884900a
Revises: 
Create Date: 2026-11-22 15:06:51.126265

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7d5e5884900a'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # Reviewed by hand: every table of DOMAIN.md, named constraints (batch mode on SQLite),
    # enums as VARCHAR + CHECK so that adding a status later is a batch ALTER, not a new type.
    op.create_table('agency',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name_vi', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('level', sa.Enum('province', 'district', name='agency_level', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('is_office', sa.Boolean(), nullable=False),
    sa.Column('in_bloc', sa.Boolean(), nullable=False),
    sa.Column('primary_field', sa.Enum('education', 'science', 'health', 'culture', 'labour', 'environment', 'general', name='agency_field', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['agency.id'], name=op.f('fk_agency_parent_id_agency')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agency')),
    sa.UniqueConstraint('code', name=op.f('uq_agency_code'))
    )
    with op.batch_alter_table('agency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agency_active'), ['active'], unique=False)

    op.create_table('audit_event',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_username', sa.String(length=64), nullable=False),
    sa.Column('actor_agency_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.Enum('login', 'login_failed', 'logout', 'access_denied', 'create', 'update', 'delete', 'submit', 'review', 'password_reset', 'password_change', name='audit_action', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.String(length=40), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('ip', sa.String(length=45), nullable=False),
    sa.Column('detail', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_audit_event_object', ['object_type', 'object_id'], unique=False)

    op.create_table('holiday',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holiday')),
    sa.UniqueConstraint('day', name=op.f('uq_holiday_day'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_term_dates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_term')),
    sa.UniqueConstraint('name', name=op.f('uq_term_name'))
    )
    with op.batch_alter_table('term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_term_start_date'), ['start_date'], unique=False)

    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.Enum('liaison', 'office', 'leadership', 'admin', name='user_role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('locale', sa.String(length=5), nullable=False),
    sa.Column('session_nonce', sa.String(length=32), nullable=False),
    sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agency.id'], name=op.f('fk_user_account_agency_id_agency')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_agency_id'), ['agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_user_account_role'), ['role'], unique=False)

    op.create_table('agreement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'in_force', 'expired', 'replaced', name='agreement_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('replaced_by_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_agreement_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['replaced_by_id'], ['agreement.id'], name=op.f('fk_agreement_replaced_by_id_agreement')),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_agreement_term_id_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement')),
    sa.UniqueConstraint('number', name=op.f('uq_agreement_number'))
    )
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_term_id'), ['term_id'], unique=False)

    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('prefix', sa.String(length=12), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_api_token_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_token_token_hash'))
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_user_id'), ['user_id'], unique=False)

    op.create_table('issue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('title_norm', sa.String(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('field', sa.Enum('education', 'science', 'health', 'culture', 'labour', 'environment', 'general', name='issue_field', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('source', sa.Enum('press', 'social_media', 'petition', 'hotline', 'grassroots', 'meeting', name='issue_source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('source_outlet', sa.String(length=200), nullable=False),
    sa.Column('source_url', sa.String(length=500), nullable=True),
    sa.Column('source_date', sa.Date(), nullable=True),
    sa.Column('district', sa.String(length=100), nullable=False),
    sa.Column('commune', sa.String(length=100), nullable=False),
    sa.Column('first_seen_on', sa.Date(), nullable=False),
    sa.Column('sensitivity', sa.Enum('low', 'medium', 'high', 'critical', name='sensitivity', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('reporting_agency_id', sa.Integer(), nullable=False),
    sa.Column('responsible_agency_id', sa.Integer(), nullable=True),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('response_due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('new', 'under_review', 'being_handled', 'resolved', 'closed', 'dismissed', name='issue_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('dismissed_reason', sa.Text(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assignee_id'], ['user_account.id'], name=op.f('fk_issue_assignee_id_user_account')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_issue_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['reporting_agency_id'], ['agency.id'], name=op.f('fk_issue_reporting_agency_id_agency')),
    sa.ForeignKeyConstraint(['responsible_agency_id'], ['agency.id'], name=op.f('fk_issue_responsible_agency_id_agency')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issue'))
    )
    with op.batch_alter_table('issue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issue_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issue_first_seen_on'), ['first_seen_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_issue_reporting_agency_id'), ['reporting_agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issue_responsible_agency_id'), ['responsible_agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issue_status'), ['status'], unique=False)
        batch_op.create_index('ix_issue_status_field', ['status', 'field'], unique=False)
        batch_op.create_index(batch_op.f('ix_issue_title_norm'), ['title_norm'], unique=False)

    op.create_table('report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('monthly', 'quarterly', 'six_month', 'annual', 'ad_hoc', name='report_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', 'returned', 'accepted', name='report_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('first_submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('situation', sa.Text(), nullable=False),
    sa.Column('results', sa.Text(), nullable=False),
    sa.Column('commitment_notes', sa.JSON(), nullable=False),
    sa.Column('emerging_issues', sa.Text(), nullable=False),
    sa.Column('proposals', sa.Text(), nullable=False),
    sa.Column('next_tasks', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agency.id'], name=op.f('fk_report_agency_id_agency')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_report_created_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report')),
    sa.UniqueConstraint('agency_id', 'kind', 'period', name=op.f('uq_report_agency_id_kind_period'))
    )
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_agency_id'), ['agency_id'], unique=False)
        batch_op.create_index('ix_report_kind_period', ['kind', 'period'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_period_end'), ['period_end'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_status'), ['status'], unique=False)

    op.create_table('agreement_party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('lead', 'partner', name='party_role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('signatory', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agency.id'], name=op.f('fk_agreement_party_agency_id_agency')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_agreement_party_agreement_id_agreement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_party')),
    sa.UniqueConstraint('agreement_id', 'agency_id', name=op.f('uq_agreement_party_agreement_id_agency_id'))
    )
    with op.batch_alter_table('agreement_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_party_agency_id'), ['agency_id'], unique=False)

    op.create_table('commitment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('responsible_agency_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.Enum('education', 'science', 'health', 'culture', 'labour', 'environment', 'general', name='commitment_field', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('recurrence', sa.Enum('once', 'monthly', 'quarterly', 'six_month', 'annual', 'ongoing', name='recurrence', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('status', sa.Enum('not_started', 'in_progress', 'done', 'overdue', 'cancelled', name='commitment_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('progress', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('progress >= 0 AND progress <= 100', name=op.f('ck_commitment_progress_range')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_commitment_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['responsible_agency_id'], ['agency.id'], name=op.f('fk_commitment_responsible_agency_id_agency')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment')),
    sa.UniqueConstraint('agreement_id', 'position', name=op.f('uq_commitment_agreement_id_position'))
    )
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_responsible_agency_id'), ['responsible_agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_status'), ['status'], unique=False)

    op.create_table('issue_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('issue_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.Enum('created', 'status_changed', 'assigned', 'commented', 'updated', 'linked_report', name='issue_event_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('from_status', sa.Enum('new', 'under_review', 'being_handled', 'resolved', 'closed', 'dismissed', name='issue_event_from', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('to_status', sa.Enum('new', 'under_review', 'being_handled', 'resolved', 'closed', 'dismissed', name='issue_event_to', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_issue_event_actor_id_user_account')),
    sa.ForeignKeyConstraint(['issue_id'], ['issue.id'], name=op.f('fk_issue_event_issue_id_issue')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issue_event'))
    )
    with op.batch_alter_table('issue_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issue_event_issue_id'), ['issue_id'], unique=False)

    op.create_table('report_issue',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('issue_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['issue_id'], ['issue.id'], name=op.f('fk_report_issue_issue_id_issue'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_report_issue_report_id_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', 'issue_id', name=op.f('pk_report_issue'))
    )
    op.create_table('report_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_by_id', sa.Integer(), nullable=True),
    sa.Column('decision', sa.Enum('accepted', 'returned', name='review_decision', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('review_comment', sa.Text(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('situation', sa.Text(), nullable=False),
    sa.Column('results', sa.Text(), nullable=False),
    sa.Column('commitment_notes', sa.JSON(), nullable=False),
    sa.Column('emerging_issues', sa.Text(), nullable=False),
    sa.Column('proposals', sa.Text(), nullable=False),
    sa.Column('next_tasks', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_report_version_report_id_report')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['user_account.id'], name=op.f('fk_report_version_reviewer_id_user_account')),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['user_account.id'], name=op.f('fk_report_version_submitted_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_version')),
    sa.UniqueConstraint('report_id', 'number', name=op.f('uq_report_version_report_id_number'))
    )
    with op.batch_alter_table('report_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_version_report_id'), ['report_id'], unique=False)

    op.create_table('commitment_update',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('recorded_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('progress', sa.Integer(), nullable=False),
    sa.Column('metric', sa.Enum('classes_held', 'people_trained', 'articles_published', 'events_held', 'missions', 'other', name='metric', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('metric_value', sa.Integer(), nullable=True),
    sa.Column('evidence_url', sa.String(length=500), nullable=True),
    sa.CheckConstraint('progress >= 0 AND progress <= 100', name=op.f('ck_commitment_update_progress_range')),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_commitment_update_author_id_user_account')),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitment.id'], name=op.f('fk_commitment_update_commitment_id_commitment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment_update'))
    )
    with op.batch_alter_table('commitment_update', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_update_commitment_id'), ['commitment_id'], unique=False)

    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('commitment_update_id', sa.Integer(), nullable=True),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.Column('report_version_id', sa.Integer(), nullable=True),
    sa.Column('issue_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(CASE WHEN agreement_id IS NULL THEN 0 ELSE 1 END + CASE WHEN commitment_update_id IS NULL THEN 0 ELSE 1 END + CASE WHEN report_id IS NULL THEN 0 ELSE 1 END + CASE WHEN report_version_id IS NULL THEN 0 ELSE 1 END + CASE WHEN issue_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_attachment_one_owner')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_attachment_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['commitment_update_id'], ['commitment_update.id'], name=op.f('fk_attachment_commitment_update_id_commitment_update')),
    sa.ForeignKeyConstraint(['issue_id'], ['issue.id'], name=op.f('fk_attachment_issue_id_issue')),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_attachment_report_id_report')),
    sa.ForeignKeyConstraint(['report_version_id'], ['report_version.id'], name=op.f('fk_attachment_report_version_id_report_version')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user_account.id'], name=op.f('fk_attachment_uploaded_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_attachment_stored_name'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_commitment_update_id'), ['commitment_update_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_issue_id'), ['issue_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_report_id'), ['report_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_report_version_id'), ['report_version_id'], unique=False)



def downgrade():
    # Reverse order of creation.
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_report_version_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_report_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_issue_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_commitment_update_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_agreement_id'))

    op.drop_table('attachment')
    with op.batch_alter_table('commitment_update', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_update_commitment_id'))

    op.drop_table('commitment_update')
    with op.batch_alter_table('report_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_version_report_id'))

    op.drop_table('report_version')
    op.drop_table('report_issue')
    with op.batch_alter_table('issue_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issue_event_issue_id'))

    op.drop_table('issue_event')
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_status'))
        batch_op.drop_index(batch_op.f('ix_commitment_responsible_agency_id'))
        batch_op.drop_index(batch_op.f('ix_commitment_agreement_id'))

    op.drop_table('commitment')
    with op.batch_alter_table('agreement_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_party_agency_id'))

    op.drop_table('agreement_party')
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_status'))
        batch_op.drop_index(batch_op.f('ix_report_period_end'))
        batch_op.drop_index('ix_report_kind_period')
        batch_op.drop_index(batch_op.f('ix_report_agency_id'))

    op.drop_table('report')
    with op.batch_alter_table('issue', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issue_title_norm'))
        batch_op.drop_index('ix_issue_status_field')
        batch_op.drop_index(batch_op.f('ix_issue_status'))
        batch_op.drop_index(batch_op.f('ix_issue_responsible_agency_id'))
        batch_op.drop_index(batch_op.f('ix_issue_reporting_agency_id'))
        batch_op.drop_index(batch_op.f('ix_issue_first_seen_on'))
        batch_op.drop_index(batch_op.f('ix_issue_assignee_id'))

    op.drop_table('issue')
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_token_user_id'))

    op.drop_table('api_token')
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_term_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_status'))

    op.drop_table('agreement')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_account_role'))
        batch_op.drop_index(batch_op.f('ix_user_account_agency_id'))

    op.drop_table('user_account')
    with op.batch_alter_table('term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_term_start_date'))

    op.drop_table('term')
    op.drop_table('setting')
    op.drop_table('holiday')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_object')
        batch_op.drop_index(batch_op.f('ix_audit_event_created_at'))

    op.drop_table('audit_event')
    with op.batch_alter_table('agency', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agency_active'))

    op.drop_table('agency')
