/** The links a facilitator needs. Keys ride in the URL fragment, which browsers never send to a server. */
export function sessionLinks(publicUrl: string, code: string, leadKey: string, supportKey: string) {
  return {
    present: `${publicUrl}/present/${code}#key=${leadKey}`,
    notes: `${publicUrl}/notes/${code}#key=${supportKey}`,
    /** The lead's phone-sized remote: previous, next, the notes and the timer. */
    remote: `${publicUrl}/remote/${code}#key=${leadKey}`,
    /** Before the workshop: the school, the dates, the customisable slides, a preview of each. */
    prepare: `${publicUrl}/prepare/${code}#key=${leadKey}`,
    join: `${publicUrl}/join/${code}`,
  };
}

/** The coach's link: the notes view, read-only, with the fidelity checklist. */
export function coachLink(publicUrl: string, code: string, coachKey: string): string {
  return `${publicUrl}/notes/${code}#key=${coachKey}`;
}

/** The district coordinator's page, with their key in the fragment. */
export function districtLink(publicUrl: string, coordinatorKey: string): string {
  return `${publicUrl}/district#key=${coordinatorKey}`;
}
