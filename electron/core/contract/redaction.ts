/** What a credential reads as where the caller may not see it; sent back unchanged it means "keep it". */
export const REDACTED = '[redacted]'
