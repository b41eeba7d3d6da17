/**
 * The back office's repositories (issue 7: staff, contact centre, appointments, office desk,
 * review queue, supervisors) bound to one connection or transaction, for the unit of work.
 */
import type { Repos } from "../flows/ports.ts";
import type { Queryable } from "./db.ts";
import * as abandoned from "./repos/outbox-abandoned.ts";
import * as appointments from "./repos/appointments.ts";
import * as contactCentre from "./repos/contact-centre.ts";
import * as desk from "./repos/desk.ts";
import * as review from "./repos/review.ts";
import * as staff from "./repos/staff.ts";
import * as supervisor from "./repos/supervisor.ts";

export type BackOfficeRepos = Pick<
  Repos,
  "staff" | "appointments" | "desk" | "contactCentre" | "review" | "supervisor"
>;

export function backOfficeRepos(q: Queryable): BackOfficeRepos {
  return {
    staff: {
      create: (a) => staff.createStaff(q, a),
      byUsername: (u) => staff.staffByUsername(q, u),
      byId: (id) => staff.staffById(q, id),
      byEnrolment: (hash, now) => staff.staffByEnrolment(q, hash, now),
      list: () => staff.listStaff(q),
      startEnrolment: (id, e) => staff.startEnrolment(q, id, e),
      completeEnrolment: (id, step, now) => staff.completeEnrolment(q, id, step, now),
      resetEnrolment: (id, link, now) => staff.resetEnrolment(q, id, link, now),
      setStatus: (id, status, now) => staff.setStaffStatus(q, id, status, now),
      reserveAttempt: (id, max, now) => staff.reserveStaffAttempt(q, id, max, now),
      recordFailure: (id, max, until) => staff.recordStaffFailure(q, id, max, until),
      lockedUntil: (id, now) => staff.staffLockedUntil(q, id, now),
      acceptTotpStep: (id, step, now) => staff.acceptTotpStep(q, id, step, now),
      useRecoveryCode: (id, hash, now) => staff.useRecoveryCode(q, id, hash, now),
      unusedRecoveryCodes: (id) => staff.unusedRecoveryCodes(q, id),
      replaceRecoveryCodes: (id, hashes) => staff.replaceRecoveryCodes(q, id, hashes),
      createSession: (s) => staff.createStaffSession(q, s),
      findSession: (idHash) => staff.findStaffSession(q, idHash),
      touchSession: (idHash, now) => staff.touchStaffSession(q, idHash, now),
      deleteSession: (idHash) => staff.deleteStaffSession(q, idHash),
      deleteExpiredSessions: (now, idle) => staff.deleteExpiredStaffSessions(q, now, idle),
    },
    // Desk appointments (issue 7, appointments).
    appointments: {
      book: (a, desks) => appointments.bookAppointment(q, a, desks),
      bookedCounts: (office, from, to) => appointments.bookedCounts(q, office, from, to),
      cancel: (hash, now) => appointments.cancelAppointment(q, hash, now),
      ofDay: (office, day) => appointments.appointmentsOfDay(q, office, day),
      find: (id) => appointments.findAppointment(q, id),
      markAttendance: (id, attended, staffId, now) =>
        appointments.markAttendance(q, id, attended, staffId, now),
      takeReminders: (day, now) => appointments.takeReminders(q, day, now),
      ofPerson: (fc) => appointments.appointmentsOf(q, fc),
      deleteOlderThan: (before) => appointments.deleteOldAppointments(q, before),
    },
    // The office desk (issue 7, desk).
    desk: {
      insertClaim: (c) => desk.insertDeskClaim(q, c),
      saveHandover: (h) => desk.saveDeskHandover(q, h),
      handoverByRequest: (id, key, now) => desk.deskHandoverByRequest(q, id, key, now),
      takeHandover: (id, staffId, now) => desk.takeDeskHandover(q, id, staffId, now),
      expireHandovers: (now) => desk.expireDeskHandovers(q, now),
      insertDelegation: (d) => desk.insertDelegation(q, d),
      putDelegationDocument: (d) => desk.putDelegationDocument(q, d),
      findDelegation: (id) => desk.findDelegation(q, id),
      delegationsOf: (fc) => desk.delegationsOf(q, fc),
      lockPerson: (fc) => desk.lockPerson(q, fc),
      delegationDocuments: (id) => desk.delegationDocuments(q, id),
      endDelegation: (id, e) => desk.endDelegation(q, id, e),
    },
    // Contact centre (issue 7).
    contactCentre: {
      insertCheck: (c) => contactCentre.insertCheck(q, c),
      failedChecksSince: (fc, since) => contactCentre.failedChecksSince(q, fc, since),
      passedCheck: (id, staffId, now) => contactCentre.passedCheck(q, id, staffId, now),
      leaseNext: (staffId, now, until) => contactCentre.leaseNext(q, staffId, now, until),
      lockClaim: (id) => contactCentre.lockClaim(q, id),
      markNoAnswer: (id, attempts, dueAt, today) =>
        contactCentre.markNoAnswer(q, id, attempts, dueAt, today),
      decide: (id, status, d) => contactCentre.decideClaim(q, id, status, d),
      summary: (now) => contactCentre.queueSummary(q, now),
      deleteChecksBefore: (before) => contactCentre.deleteChecksBefore(q, before),
    },
    // Issue 7: review queue and fax intake; supervisors' reads.
    review: {
      waiting: (limit) => review.waitingItems(q, limit),
      item: (id, lock) => review.reviewItem(q, id, lock),
      insertFax: (r) => review.insertFaxRequest(q, r),
      putDocument: (d) => review.putReviewDocument(q, d),
      documents: (id) => review.reviewDocuments(q, id),
      document: (id, documentId) => review.reviewDocument(q, id, documentId),
      assign: (id, staffId, now, until) => review.assignItem(q, id, staffId, now, until),
      setReasonCode: (id, code) => review.setReasonCode(q, id, code),
    },
    supervisor: {
      searchAudit: (search) => supervisor.searchAudit(q, search),
      verificationQueue: (since) => supervisor.verificationQueue(q, since),
      reviewQueue: (since) => supervisor.reviewQueue(q, since),
      abandonedMessages: (limit) => abandoned.abandonedMessages(q, limit),
      lockMessage: (id) => abandoned.lockMessage(q, id),
      requeueAbandoned: (id, now) => abandoned.requeueAbandoned(q, id, now),
    },
  };
}
