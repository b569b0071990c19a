import { NonRetriableError } from "inngest";

export interface ContractIssue {
  /** Where the problem is, rooted at the event: `data.encrypted.contactEmail`. */
  readonly path: string;
  readonly message: string;
}

/**
 * A payload that does not satisfy its event's contract. It is non-retriable on purpose: sending the
 * same bad data again cannot succeed, so a step that hits it fails at once instead of retrying.
 */
export class EventContractError extends NonRetriableError {
  readonly eventName: string;
  readonly issues: readonly ContractIssue[];

  constructor(eventName: string, issues: readonly ContractIssue[]) {
    const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    super(`${eventName} is invalid: ${listed}`);
    this.name = "EventContractError";
    this.eventName = eventName;
    this.issues = issues;
  }
}
