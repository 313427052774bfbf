export default definePageConfig({ navigationBarTitleText: '联系村干部' });
