/**
 * The kinds a Document row has besides a checklist item's (an application's items name their
 * own, e.g. 'medical_bill'): named once for the places that write them and those that look them up.
 */
export const DOCUMENT_KIND = {
  /** A mini-program upload not yet filed: the submission sets its checklist item. */
  upload: 'upload',
  /** A photo or file for a case returned for documents. */
  supplement: 'supplement',
  /** A broadcast's image, said to villagers and work groups. */
  broadcastImage: 'broadcast_image',
  /** The verifier's photos of the household visit. */
  verificationPhoto: 'verification_photo',
  /** Another cadre's photos for a case. */
  cadrePhoto: 'cadre_photo',
  /** A photo of a follow-up visit (走访) of a household of the register (Document.followUpId). */
  followUpPhoto: 'follow_up_photo',
} as const;

/** Mini-program uploads never filed with an application: what a villager's caps count and what expires. */
export const UNFILED_UPLOADS = { caseId: null, kind: DOCUMENT_KIND.upload } as const;
