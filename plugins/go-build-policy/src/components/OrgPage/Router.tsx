import { Route, Routes } from 'react-router-dom';
import { GoBuildPolicyOrgPage } from './GoBuildPolicyPage';
import { RulesPage } from '../RulesPage/RulesPage';

/** The plugin's root page: the scorecard at its path, the rules under `/rules`. */
export function GoBuildPolicyRouter() {
  return (
    <Routes>
      <Route path="/" element={<GoBuildPolicyOrgPage />} />
      <Route path="/rules" element={<RulesPage />} />
    </Routes>
  );
}
