// Where the project lives; rule documentation links are built from it.
export const PROJECT_URL = 'https://github.com/seaworthy-lint/seaworthy';
export const VERSION = '0.1.0';
export const ruleDocUrl = (id: string) => `${PROJECT_URL}/blob/main/docs/rules/${id}.md`;
