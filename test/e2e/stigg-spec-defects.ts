/**
 * Operations whose static example response violates the spec's response schema
 * (ambiguous `oneOf`s: `resetPeriodConfiguration`, `syncData`, FEATURE|CREDIT entitlements), so Prism in static
 * mode answers 500 although the request was valid. Shared by the Prism suite and the generated tests' run.
 */
export const STATIC_SPEC_DEFECTS: string[] = [
  'AddonEntitlementController_createAddonEntitlements',
  'AddonEntitlementController_deleteAddonEntitlement',
  'AddonEntitlementController_getAddonEntitlements',
  'AddonEntitlementController_updateAddonEntitlement',
  'CustomerIntegrationController_getCustomerIntegration',
  'CustomerIntegrationController_getCustomerIntegrations',
  'CustomerIntegrationController_linkCustomerIntegration',
  'CustomerIntegrationController_unlinkCustomerIntegration',
  'CustomerIntegrationController_updateCustomerIntegration',
  'PlanEntitlementController_createPlanEntitlements',
  'PlanEntitlementController_deletePlanEntitlement',
  'PlanEntitlementController_getPlanEntitlements',
  'PlanEntitlementController_updatePlanEntitlement',
  'PromotionalEntitlementController_getPromotionalEntitlements',
  'PromotionalEntitlementController_grantPromotionalEntitlements',
  'PromotionalEntitlementController_revokePromotionalEntitlement',
];
