import { PolicyRule } from '../../engine/Rule';
import { modGoSumRule } from './mod-go-sum';
import { modNoExternalReplaceRule } from './mod-no-external-replace';
import { modTidyVerifiedRule } from './mod-tidy-verified';
import { modUpdateBotRule } from './mod-update-bot';

export const modRules: PolicyRule[] = [
  modGoSumRule,
  modNoExternalReplaceRule,
  modTidyVerifiedRule,
  modUpdateBotRule,
];
