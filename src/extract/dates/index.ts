export { findDateMentions, type DateMention, type DateMentionKind } from "./mentions.js";
export {
  findPublicationTimes,
  type PublicationOptions,
  type PublicationTimes,
  type TimeMention,
} from "./publication.js";
export { pickAttackDate, type AttackDate } from "./pick.js";
