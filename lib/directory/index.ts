/*
 * The local Okta directory. Every record's key starts with the generation that wrote it; a full
 * sync writes a new generation beside the published one and flips `syncState.published` only when
 * it has finished, then range-deletes older generations. Readers (search, user view) read the
 * pointer and the records in one transaction, so they never see a half-written directory.
 * Incremental syncs and live refreshes update the published generation in place.
 */
export { openDirectory, closeDirectory, DIRECTORY_DB_NAME, DIRECTORY_DB_VERSION } from './db';
export type { DirectoryDb, DirectorySchema, StoredAuditEntry } from './db';
export type { OktaPageSource, RecordedError } from './source';
export type { SyncOptions } from './engine';
export { runSync, resumeSync, WATERMARK_OVERLAP_MS, INCREMENTAL_HORIZON_MS } from './sync';
export type { SyncOutcome, SyncRunOptions } from './sync';
export { readSyncStatus, readPublishedGeneration } from './state';
export type { SyncStatus, SyncProgress, SyncKind, SyncPhase, SyncFailure, SyncSuccess } from './state';
export { searchUsers, findUserByEmailOrLogin, searchGroups, searchApps, SEARCH_RESULT_LIMIT } from './search';
export { getUserView, refreshUser } from './user-view';
export { clearDirectory } from './clear';
export type { UserView, UserAppView, UserLookup } from './user-view';
export type { UserRecord, GroupRecord, AppRecord, MembershipRecord, AssignmentRecord, FactorRecord } from './records';
export { createDirectoryScheduler, ensureSyncAlarms, clearSyncAlarms, showSyncOutcome, SYNC_ALARMS } from './scheduler';
export type { DirectoryScheduler, DirectorySchedulerDeps, SyncSchedule } from './scheduler';
