//! Link: the third pipeline stage. Pairs each plan with the outcomes reported
//! later for the same district, target, scope and year, and judges fulfilment.
